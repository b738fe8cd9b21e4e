using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;

// Usage: SampleClient [evaluate] <request.json> [--address URL] [--api-key KEY] [--cert FILE [--key FILE]] [--ca FILE]
const string Usage = "usage: SampleClient [evaluate] <request.json> [--address http://127.0.0.1:5080] [--api-key KEY]"
    + " [--cert client.pem|client.pfx [--key client.key] [--cert-password P]] [--ca server-or-ca.pem]"
    + " (the API key may also come from NEGOCIACION_API_KEY)";
var positional = new List<string>();
var settings = new Dictionary<string, string>(StringComparer.Ordinal);
string[] named = ["--address", "--api-key", "--cert", "--key", "--cert-password", "--ca"];
for (var i = 0; i < args.Length; i++)
{
    var equals = args[i].IndexOf('=', StringComparison.Ordinal);
    if (equals > 0 && named.Contains(args[i][..equals]))
    {
        settings[args[i][..equals]] = args[i][(equals + 1)..];
    }
    else if (named.Contains(args[i]) && i + 1 < args.Length)
    {
        settings[args[i]] = args[++i];
    }
    else
    {
        positional.Add(args[i]);
    }
}

var evaluate = positional.Count == 2 && positional[0] == "evaluate";
if (positional.Count != 1 && !evaluate)
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var credentials = new ClientCredentials(
    settings.GetValueOrDefault("--api-key") ?? Environment.GetEnvironmentVariable("NEGOCIACION_API_KEY"),
    settings.TryGetValue("--cert", out var cert) ? ClientCredentials.LoadCertificate(cert, settings.GetValueOrDefault("--key"), settings.GetValueOrDefault("--cert-password")) : null,
    settings.TryGetValue("--ca", out var ca) ? ClientCredentials.LoadCertificate(ca) : null);
using var client = new OfferClient(new Uri(settings.GetValueOrDefault("--address", OfferClient.DefaultAddress)), credentials);
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
