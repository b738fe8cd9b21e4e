using System.Buffers.Binary;
using System.Net;
using Grpc.Core;

namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>gRPC requests written by hand over HTTP/2 (cleartext or TLS), for frames a gRPC client never sends.</summary>
public static class RawHttp
{
    /// <summary>A frame: flag byte, big-endian length, payload.</summary>
    public static byte[] Frame(byte flag, byte[] payload)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="path"/>; returns the gRPC status and message (headers or trailers).</summary>
    public static async Task<(StatusCode Code, string Message)> PostAsync(
        SecureServer server, string path, byte[] body, string apiKey, string? encoding = null)
    {
        var handler = new SocketsHttpHandler();
        if (server.Transport == Transport.Tls)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(TestCertificates.Server.RawData);
        }

        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TE.Add(new("trailers"));
        request.Headers.Add("x-api-key", apiKey);
        if (encoding is not null)
        {
            request.Headers.Add("grpc-encoding", encoding);
        }

        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var status = Header(response, "grpc-status") ?? throw new InvalidOperationException($"No grpc-status (HTTP {(int)response.StatusCode}).");
        return ((StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), Uri.UnescapeDataString(Header(response, "grpc-message") ?? string.Empty));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.TrailingHeaders.TryGetValues(name, out values)
            ? values.First()
            : null;
}
