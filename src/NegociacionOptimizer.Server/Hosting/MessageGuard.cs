using System.Buffers.Binary;
using Google.Protobuf;
using Grpc.Core;
using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// Checks the framing and protobuf encoding of every single-message request (each unary and server-streaming method of
/// OfferService, PolicyService, PlanService and Health) before gRPC reads it, so that bytes which are not a request message get
/// INVALID_ARGUMENT with a clear message (gRPC itself would answer UNKNOWN "Exception was thrown by handler"), a
/// compressed message INVALID_ARGUMENT (this server accepts no request compression), and an oversized body
/// RESOURCE_EXHAUSTED before it is buffered. The body (at most <see cref="ServerOptions.MaxRequestBytes"/> plus the
/// 5-byte frame header) is then handed on unchanged.
/// </summary>
public static class MessageGuard
{
    private const int HeaderBytes = 5;

    private static readonly Dictionary<string, MessageDescriptorAndParser> Guarded = new[]
        {
            OfferService.Descriptor, PolicyService.Descriptor, PlanService.Descriptor, Grpc.Health.V1.Health.Descriptor,
        }
        .SelectMany(service => service.Methods)
        .Where(method => !method.IsClientStreaming)
        .ToDictionary(
            method => $"/{method.Service.FullName}/{method.Name}",
            method => new MessageDescriptorAndParser(method.InputType.FullName, method.InputType.Parser),
            StringComparer.Ordinal);

    /// <summary>Adds the guard to the pipeline.</summary>
    public static IApplicationBuilder UseMessageGuard(this IApplicationBuilder app, int maxRequestBytes) =>
        app.Use(async (context, next) =>
        {
            if (!Guarded.TryGetValue(context.Request.Path.Value ?? string.Empty, out var message)
                || !HttpMethods.IsPost(context.Request.Method))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var body = await ReadAsync(context.Request.Body, maxRequestBytes + HeaderBytes + 1, context.RequestAborted).ConfigureAwait(false);
            var problem = Check(body, message.Name, message.Parser, maxRequestBytes);
            if (problem is { } p)
            {
                context.RequestServices.GetRequiredService<RefusalLog>().Count(p.Code);
                GrpcResponses.TrailersOnly(context, p.Code, p.Message);
                return;
            }

            context.Request.Body = new MemoryStream(body, writable: false);
            await next(context).ConfigureAwait(false);
        });

    /// <summary>What is wrong with a unary request body, or null when it is one well-formed message.</summary>
    public static (StatusCode Code, string Message)? Check(byte[] body, string name, MessageParser parser, int maxRequestBytes)
    {
        if (body.Length > maxRequestBytes + HeaderBytes)
        {
            return (StatusCode.ResourceExhausted, $"The request is larger than the limit of {maxRequestBytes} bytes.");
        }

        if (body.Length < HeaderBytes)
        {
            return (StatusCode.InvalidArgument, $"The request holds no complete gRPC message frame; expected one {name}.");
        }

        if (body[0] != 0)
        {
            return (StatusCode.InvalidArgument, body[0] == 1
                ? $"The request message is compressed; this server accepts no request compression. Send one uncompressed {name}."
                : $"The request frame has an unknown flag {body[0]}; expected one uncompressed {name}.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (length != body.Length - HeaderBytes)
        {
            return (StatusCode.InvalidArgument,
                $"The request frame announces {length} bytes but carries {body.Length - HeaderBytes}; expected exactly one {name}.");
        }

        try
        {
            parser.ParseFrom(body, HeaderBytes, (int)length);
            return null;
        }
        catch (InvalidProtocolBufferException e)
        {
            return (StatusCode.InvalidArgument, $"The request is not a valid {name} protobuf message: {e.Message}");
        }
    }

    private static async Task<byte[]> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>A guarded request type: its proto name and its parser.</summary>
/// <param name="Name">Full proto name, e.g. negociacion.v1.GenerateOffersRequest.</param>
/// <param name="Parser">The generated parser.</param>
internal sealed record MessageDescriptorAndParser(string Name, MessageParser Parser);
