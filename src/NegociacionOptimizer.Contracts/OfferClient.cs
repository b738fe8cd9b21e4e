using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Contracts;

/// <summary>Calls the server over HTTP/2 (cleartext or TLS) and turns gRPC errors into <see cref="CallFailure"/>s.</summary>
public sealed class OfferClient : IDisposable
{
    /// <summary>The server's default address.</summary>
    public const string DefaultAddress = "http://127.0.0.1:5080";

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));
    private readonly GrpcChannel _channel;

    /// <summary>A client of the server at <paramref name="address"/>, presenting <paramref name="credentials"/> (none by default).</summary>
    public OfferClient(Uri address, ClientCredentials? credentials = null)
        : this((credentials ?? new ClientCredentials()).CreateChannel(address))
    {
    }

    /// <summary>
    /// A client of every replica of <paramref name="targets"/>: calls balanced round robin, and a call a replica could
    /// not take (UNAVAILABLE, RESOURCE_EXHAUSTED) retried after the server's RetryInfo (<see cref="RetryOnBusyInterceptor"/>).
    /// </summary>
    public OfferClient(ServerTargets targets, ClientCredentials? credentials = null)
        : this((credentials ?? new ClientCredentials()).CreateChannel(targets), new RetryOnBusyInterceptor())
    {
    }

    private OfferClient(GrpcChannel channel, params Interceptor[] interceptors)
    {
        _channel = channel;
        var invoker = channel.Intercept(interceptors);
        Offers = new OfferService.OfferServiceClient(invoker);
        Policies = new PolicyService.PolicyServiceClient(invoker);
        Plans = new PlanService.PlanServiceClient(invoker);
    }

    /// <summary>The channel, for other services on the same server (health, reflection).</summary>
    public GrpcChannel Channel => _channel;

    /// <summary>The OfferService stub.</summary>
    public OfferService.OfferServiceClient Offers { get; }

    /// <summary>The PolicyService stub.</summary>
    public PolicyService.PolicyServiceClient Policies { get; }

    /// <summary>The PlanService stub (accepted plans, payments, breaks).</summary>
    public PlanService.PlanServiceClient Plans { get; }

    /// <summary>Reads a protobuf-JSON message (unknown fields are an error, to catch typos).</summary>
    public static T ReadJson<T>(string path)
        where T : IMessage<T>, new() => Parser.Parse<T>(File.ReadAllText(path));

    /// <summary>Calls GenerateOffers.</summary>
    public Task<CallResult<GenerateOffersResponse>> GenerateAsync(GenerateOffersRequest request, TimeSpan? timeout = null) =>
        CallAsync(() => Offers.GenerateOffersAsync(request, deadline: Deadline(timeout)).ResponseAsync);

    /// <summary>Calls EvaluateProposal.</summary>
    public Task<CallResult<EvaluateProposalResponse>> EvaluateAsync(EvaluateProposalRequest request, TimeSpan? timeout = null) =>
        CallAsync(() => Offers.EvaluateProposalAsync(request, deadline: Deadline(timeout)).ResponseAsync);

    /// <summary>AcceptOffer for <paramref name="offer"/> as it was issued, under <paramref name="idempotencyKey"/>.</summary>
    public Task<CallResult<PlanResponse>> AcceptAsync(Offer offer, string idempotencyKey, TimeSpan? timeout = null) =>
        CallAsync(() => Plans.AcceptOfferAsync(new AcceptOfferRequest { IdempotencyKey = idempotencyKey, Offer = offer }, deadline: Deadline(timeout)).ResponseAsync);

    /// <inheritdoc/>
    public void Dispose() => _channel.Dispose();

    private static DateTime? Deadline(TimeSpan? timeout) => timeout is { } t ? DateTime.UtcNow + t : null;

    private static async Task<CallResult<T>> CallAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return new CallResult<T>(await call().ConfigureAwait(false), null);
        }
        catch (RpcException e)
        {
            return new CallResult<T>(null, CallFailure.From(e));
        }
    }
}
