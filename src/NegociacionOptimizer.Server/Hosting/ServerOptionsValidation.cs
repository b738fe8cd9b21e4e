using Microsoft.Extensions.Options;

namespace NegociacionOptimizer.Server.Hosting;

/// <summary>
/// The options pattern's check of <see cref="ServerOptions"/> (<see cref="ServerConfiguration.Problems"/>: every range of
/// the settings table and the rules between settings), registered with <c>ValidateOnStart</c>; every problem is one
/// failure, and the failures read as one line.
/// </summary>
public sealed class ServerOptionsValidation : IValidateOptions<ServerOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ServerOptions options) =>
        ServerConfiguration.Problems(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
