using Microsoft.Extensions.Options;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// Gives the options pattern the <see cref="ServerOptions"/> the server was built with (read from configuration by
/// <see cref="ServerConfiguration"/>, or made in code by a test) instead of a new instance, so that
/// <c>IOptions&lt;ServerOptions&gt;</c> and <c>ValidateOnStart</c> see and check exactly those settings.
/// </summary>
/// <param name="options">The server's settings.</param>
/// <param name="setups">Configuration steps (none by default).</param>
/// <param name="postConfigures">Post-configuration steps (none by default).</param>
/// <param name="validations">The checks, <see cref="ServerOptionsValidation"/> among them.</param>
public sealed class ServerOptionsFactory(
    ServerOptions options,
    IEnumerable<IConfigureOptions<ServerOptions>> setups,
    IEnumerable<IPostConfigureOptions<ServerOptions>> postConfigures,
    IEnumerable<IValidateOptions<ServerOptions>> validations)
    : OptionsFactory<ServerOptions>(setups, postConfigures, validations)
{
    /// <inheritdoc/>
    protected override ServerOptions CreateInstance(string name) => options;
}
