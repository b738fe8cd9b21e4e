using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;

// Usage: SampleClient [evaluate] <request.json> [--address http://127.0.0.1:5080]
var positional = new List<string>();
var address = OfferClient.DefaultAddress;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--address" && i + 1 < args.Length)
    {
        address = args[++i];
    }
    else if (args[i].StartsWith("--address=", StringComparison.Ordinal))
    {
        address = args[i]["--address=".Length..];
    }
    else
    {
        positional.Add(args[i]);
    }
}

var evaluate = positional.Count == 2 && positional[0] == "evaluate";
if (positional.Count != 1 && !evaluate)
{
    Console.Error.WriteLine("usage: SampleClient [evaluate] <request.json> [--address http://127.0.0.1:5080]");
    return 2;
}

using var client = new OfferClient(new Uri(address));
var path = positional[^1];
if (evaluate)
{
    var result = await client.EvaluateAsync(OfferClient.ReadJson<EvaluateProposalRequest>(path));
    Console.WriteLine(result.Response is { } r ? OfferTable.Render(r) : OfferTable.Render(result.Failure!));
    return result.Failure is null ? 0 : 1;
}

var offers = await client.GenerateAsync(OfferClient.ReadJson<GenerateOffersRequest>(path));
Console.WriteLine(offers.Response is { } response ? OfferTable.Render(response) : OfferTable.Render(offers.Failure!));
return offers.Failure is null ? 0 : 1;
