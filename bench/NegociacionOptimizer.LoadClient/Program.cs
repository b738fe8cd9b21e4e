using System.Buffers.Binary;
using System.Globalization;
using Google.Protobuf;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.LoadClient;
using NegociacionOptimizer.Contracts;

// Usage:
//   frame <request.json> <out.bin>        writes the gRPC frame of a request (flag + length + protobuf) for h2load
//   header                                prints the Markdown table header
//   run <address> <request.json|folder> <phase> rate=<calls/s> | callers=<n> [calls=<n>]  seconds=<s> timeout-ms=<ms>
//       (calls: the closed loop starts no call after that many, so the phase covers an exact set of requests)
//       (a folder: its *.json requests in name order, sent in turn: a mixed load)
//       [api-key=<key>] [ca=<server-or-ca.pem>]   (https:// addresses; the key may also come from NEGOCIACION_API_KEY)
var parser = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
switch (args)
{
    case ["frame", var json, var output]:
        var message = parser.Parse<GenerateOffersRequest>(File.ReadAllText(json)).ToByteArray();
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(frame, 5);
        File.WriteAllBytes(output, frame);
        return 0;
    case ["header"]:
        Console.WriteLine(LoadResult.Header);
        return 0;
    case ["run", var address, var json, var phase, .. var settings]:
        var pairs = settings.Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var credentials = new ClientCredentials(
            pairs.Remove("api-key", out var key) ? key : Environment.GetEnvironmentVariable("NEGOCIACION_API_KEY"),
            TrustedServerCertificate: pairs.Remove("ca", out var ca) ? ClientCredentials.LoadCertificate(ca) : null);
        var options = pairs.ToDictionary(p => p.Key, p => int.Parse(p.Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var address_ = new Uri(address);
        if (!address_.IsLoopback)
        {
            Console.Error.WriteLine("The load client only calls loopback addresses.");
            return 2;
        }

        var run = new LoadRun(
            address_,
            credentials,
            [.. (Directory.Exists(json) ? Directory.GetFiles(json, "*.json").Order(StringComparer.Ordinal) : (IEnumerable<string>)[json])
                .Select(file => parser.Parse<GenerateOffersRequest>(File.ReadAllText(file)))],
            options.GetValueOrDefault("rate"),
            options.GetValueOrDefault("callers", 1),
            TimeSpan.FromSeconds(Math.Clamp(options.GetValueOrDefault("seconds", 10), 1, 120)),
            TimeSpan.FromMilliseconds(options.GetValueOrDefault("timeout-ms", 5000)),
            options.GetValueOrDefault("calls"));
        Console.WriteLine((await run.ExecuteAsync()).Row(phase));
        return 0;
    default:
        Console.Error.WriteLine("usage: frame <request.json> <out.bin> | header | run <address> <request.json|folder> <phase> rate=N|callers=N [calls=N] seconds=S timeout-ms=T [api-key=K] [ca=FILE]");
        return 2;
}
