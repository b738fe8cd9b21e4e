using Grpc.Core;
using Grpc.Net.Client;

namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>Unary calls with arbitrary bytes as the request message, so malformed protobuf reaches the server.</summary>
public static class RawCalls
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    public static Method<byte[], byte[]> Unary(string service, string method) =>
        new(MethodType.Unary, service, method, Bytes, Bytes);

    public static Method<byte[], byte[]> GenerateOffers { get; } = Unary("negociacion.v1.OfferService", "GenerateOffers");

    public static Method<byte[], byte[]> EvaluateProposal { get; } = Unary("negociacion.v1.OfferService", "EvaluateProposal");

    /// <summary>The call's status (OK with the response bytes, or the error's status).</summary>
    public static async Task<(StatusCode Code, string Detail, byte[]? Response)> SendAsync(
        GrpcChannel channel, Method<byte[], byte[]> method, byte[] message, TimeSpan timeout)
    {
        try
        {
            var call = channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow + timeout), message);
            return (StatusCode.OK, string.Empty, await call.ResponseAsync);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, e.Status.Detail, null);
        }
    }
}
