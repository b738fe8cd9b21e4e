using System.CommandLine;
using System.Security.Cryptography;
using Google.Protobuf;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Contracts;

namespace NegociacionOptimizer.SampleClient;

/// <summary>
/// The sample client's command line: <c>&lt;request.json&gt;</c> sends GenerateOffers, <c>evaluate &lt;request.json&gt;</c>
/// EvaluateProposal; <c>--accept RANK</c> then accepts the offer of that rank (AcceptOffer) and prints the plan; the
/// server and the credentials are options of both. Exit codes: 0 answered, 1 the server refused
/// the call, 2 a bad command line or an unreadable file.
/// </summary>
public static class SampleClientCli
{
    /// <summary>Environment variable read when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "NEGOCIACION_API_KEY";

    /// <summary>Environment variable read when <c>--address</c> is not given.</summary>
    public const string AddressVariable = "NEGOCIACION_ADDRESS";

    /// <summary>Parses <paramref name="args"/>; a parse error is one line on standard error and exit code 2.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var parse = Create(output, error).Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync($"SampleClient: {string.Join("; ", parse.Errors.Select(e => e.Message))} (--help shows the usage)").ConfigureAwait(false);
            return 2;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }).ConfigureAwait(false);
    }

    private static RootCommand Create(TextWriter output, TextWriter error)
    {
        var address = new Option<string[]>("--address")
        {
            Description = $"The server, http:// or https:// (else {AddressVariable}); repeat it for several replicas, or give one dns:///host:port: "
                + "calls are balanced round robin and retried on another replica when one is unavailable or busy.",
            DefaultValueFactory = _ => [Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : OfferClient.DefaultAddress],
            Recursive = true,
        };
        var apiKey = new Option<string?>("--api-key") { Description = $"API key (else {ApiKeyVariable}).", Recursive = true };
        var cert = new Option<FileInfo>("--cert") { Description = "Client certificate for mTLS: PEM (key in the file or --key) or PFX.", Recursive = true }.AcceptExistingOnly();
        var key = new Option<FileInfo>("--key") { Description = "The client certificate's PEM key, when not in the --cert file.", Recursive = true }.AcceptExistingOnly();
        var certPassword = new Option<string?>("--cert-password") { Description = "Password of an encrypted key or PFX.", Recursive = true };
        var ca = new Option<FileInfo>("--ca") { Description = "A root to trust for the server's certificate (self-signed or a private CA).", Recursive = true }.AcceptExistingOnly();
        var accept = new Option<int?>("--accept")
        {
            Description = "After GenerateOffers, accept the offer of this rank (AcceptOffer, a new idempotency key) and print the plan.",
        };
        var generate = new Argument<FileInfo>("request.json") { Description = "A protobuf-JSON GenerateOffersRequest (samples/requests)." }.AcceptExistingOnly();
        var proposal = new Argument<FileInfo>("request.json") { Description = "A protobuf-JSON EvaluateProposalRequest." }.AcceptExistingOnly();

        ClientCredentials Credentials(ParseResult r) => new(
            r.GetValue(apiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable),
            r.GetValue(cert) is { } c ? ClientCredentials.LoadCertificate(c.FullName, r.GetValue(key)?.FullName, r.GetValue(certPassword)) : null,
            r.GetValue(ca) is { } root ? ClientCredentials.LoadCertificate(root.FullName) : null);

        var evaluate = new Command("evaluate", "Sends EvaluateProposal and prints the verdict, the violations or the counter-offers.") { proposal };
        evaluate.SetAction((r, _) => Run(error, async () =>
        {
            using var client = new OfferClient(Targets(r.GetValue(address)), Credentials(r));
            var result = await client.EvaluateAsync(OfferClient.ReadJson<EvaluateProposalRequest>(r.GetValue(proposal)!.FullName)).ConfigureAwait(false);
            await output.WriteLineAsync(result.Response is { } response ? OfferTable.Render(response) : OfferTable.Render(result.Failure!)).ConfigureAwait(false);
            return result.Failure is null ? 0 : 1;
        }));
        var root = new RootCommand("Sends a request to NegociacionOptimizer and prints the offers as a table (exit 0 answered, 1 refused, 2 bad usage).")
        {
            generate, accept, address, apiKey, cert, key, certPassword, ca, evaluate,
        };
        root.SetAction((r, _) => Run(error, async () =>
        {
            using var client = new OfferClient(Targets(r.GetValue(address)), Credentials(r));
            var result = await client.GenerateAsync(OfferClient.ReadJson<GenerateOffersRequest>(r.GetValue(generate)!.FullName)).ConfigureAwait(false);
            await output.WriteLineAsync(result.Response is { } response ? OfferTable.Render(response) : OfferTable.Render(result.Failure!)).ConfigureAwait(false);
            if (result.Failure is not null || r.GetValue(accept) is not { } rank)
            {
                return result.Failure is null ? 0 : 1;
            }

            // The person takes the offer of this rank: the server records the plan (a new key: this is one acceptance).
            if (result.Response!.Offers.FirstOrDefault(o => o.Rank == rank) is not { } chosen)
            {
                await error.WriteLineAsync($"SampleClient: no offer of rank {rank}").ConfigureAwait(false);
                return 2;
            }

            var accepted = await client.AcceptAsync(chosen, Guid.NewGuid().ToString("N")).ConfigureAwait(false);
            await output.WriteLineAsync(accepted.Response is { } plan ? OfferTable.Render(plan.Plan) : OfferTable.Render(accepted.Failure!)).ConfigureAwait(false);
            return accepted.Failure is null ? 0 : 1;
        }));
        return root;
    }

    private static ServerTargets Targets(string[]? addresses)
    {
        try
        {
            return ServerTargets.Parse(addresses ?? [], dnsTls: false);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--address: {e.Message.Split(" (Parameter", 2)[0]}", e);
        }
    }

    private static async Task<int> Run(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidJsonException or InvalidProtocolBufferException or IOException or CryptographicException or UnauthorizedAccessException
                                       or ArgumentException)
        {
            await error.WriteLineAsync($"SampleClient: {e.Message.ReplaceLineEndings(" ")}").ConfigureAwait(false);
            return 2;
        }
    }
}
