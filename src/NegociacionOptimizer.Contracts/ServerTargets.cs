namespace NegociacionOptimizer.Contracts;

/// <summary>
/// Where a client sends its calls: one address (<c>http://host:5080</c>, <c>https://…</c>), several (one balanced channel
/// over all of them), or a DNS name that resolves to every replica (<c>dns:///negociacion-server-grpc:5080</c>, e.g. a
/// Kubernetes headless Service; cleartext unless the address is <c>dns:///…</c> with <see cref="Tls"/>).
/// </summary>
public sealed record ServerTargets
{
    private ServerTargets(IReadOnlyList<Uri> addresses, string? dnsName, bool tls)
    {
        Addresses = addresses;
        DnsName = dnsName;
        Tls = tls;
    }

    /// <summary>The static addresses (empty for a DNS name).</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>The <c>dns:///host:port</c> target, or null.</summary>
    public string? DnsName { get; }

    /// <summary>Whether the calls use TLS.</summary>
    public bool Tls { get; }

    /// <summary>How the targets are named in reports: the address, the addresses joined by ';', or the DNS name.</summary>
    public string Name => DnsName ?? string.Join(';', Addresses.Select(a => a.ToString().TrimEnd('/')));

    /// <summary>
    /// Parses <paramref name="targets"/>: http(s) URLs, or a single <c>dns:///host:port</c> (TLS when
    /// <paramref name="dnsTls"/>). Throws <see cref="ArgumentException"/> naming the first bad one.
    /// </summary>
    public static ServerTargets Parse(IReadOnlyList<string> targets, bool dnsTls = false)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Count == 0)
        {
            throw new ArgumentException("At least one server address is needed.", nameof(targets));
        }

        if (targets.Count == 1 && targets[0].StartsWith("dns:///", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(targets[0], UriKind.Absolute, out var dns) && dns.AbsolutePath.Length > 1
                ? new ServerTargets([], targets[0], dnsTls)
                : throw new ArgumentException($"\"{targets[0]}\" is not dns:///host:port.", nameof(targets));
        }

        var addresses = targets.Select(t => Uri.TryCreate(t, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ArgumentException($"\"{t}\" is not an http:// or https:// address (or a single dns:///host:port).", nameof(targets))).ToList();
        if (addresses.Select(a => a.Scheme).Distinct().Count() > 1)
        {
            throw new ArgumentException("The addresses mix http:// and https://.", nameof(targets));
        }

        return new ServerTargets(addresses, null, addresses[0].Scheme == "https");
    }
}
