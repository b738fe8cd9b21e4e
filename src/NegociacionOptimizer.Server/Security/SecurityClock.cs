namespace NegociacionOptimizer.Server.Security;

/// <summary>
/// The clock of offer expiry and of the refusal log's one-line-per-second limit, apart from the deadline clock so tests
/// can move it without touching deadlines.
/// </summary>
/// <param name="Time">The time source (the system clock outside tests).</param>
public sealed record SecurityClock(TimeProvider Time);
