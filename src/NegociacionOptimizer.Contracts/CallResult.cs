namespace NegociacionOptimizer.Contracts;

/// <summary>A call's response, or why it failed.</summary>
/// <typeparam name="T">Response type.</typeparam>
/// <param name="Response">The response, when the call succeeded.</param>
/// <param name="Failure">The failure, when it did not.</param>
public sealed record CallResult<T>(T? Response, CallFailure? Failure)
    where T : class;
