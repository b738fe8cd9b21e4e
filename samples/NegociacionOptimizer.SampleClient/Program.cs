using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;

// Usage: SampleClient [evaluate] <request.json> [--accept RANK] [--address URL] [--api-key KEY] [--cert FILE [--key FILE]] [--ca FILE]
const string Usage = "usage: SampleClient [evaluate] <request.json> [--accept RANK] [--address http://127.0.0.1:5080] [--api-key KEY]"
    + " [--cert client.pem|client.pfx [--key client.key] [--cert-password P]] [--ca server-or-ca.pem]"
    + " (the API key may also come from NEGOCIACION_API_KEY)";
var positional = new List<string>();
var settings = new Dictionary<string, string>(StringComparer.Ordinal);
string[] named = ["--address", "--api-key", "--cert", "--key", "--cert-password", "--ca", "--accept"];
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
if (offers.Failure is not null || !settings.TryGetValue("--accept", out var rank))
{
    return offers.Failure is null ? 0 : 1;
}

// The person takes the offer of this rank: the server records the plan (a new idempotency key: this is one acceptance).
var chosen = offers.Response!.Offers.FirstOrDefault(o => o.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture) == rank);
if (chosen is null)
{
    Console.Error.WriteLine($"no offer of rank {rank}");
    return 2;
}

var accepted = await client.AcceptAsync(chosen, Guid.NewGuid().ToString("N"));
Console.WriteLine(accepted.Response is { } plan ? OfferTable.Render(plan.Plan) : OfferTable.Render(accepted.Failure!));
return accepted.Failure is null ? 0 : 1;
