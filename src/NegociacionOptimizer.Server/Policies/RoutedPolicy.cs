using NegociacionOptimizer.Api.V1;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Server.Policies;

/// <summary>A named policy chosen for one account, and the reference every offer and response carries.</summary>
/// <param name="Policy">The policy that answers.</param>
/// <param name="Reference">Its id, version and arm ("champion" or "challenger").</param>
public sealed record RoutedPolicy(D.Policies.Policy Policy, PolicyRef Reference);
