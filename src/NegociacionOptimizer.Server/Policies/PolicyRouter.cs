using Grpc.Core;
using NegociacionOptimizer.Api.Policies;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Policies;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Server.Policies;

/// <summary>
/// Picks the policy that answers an account under a named policy: the champion, or its challenger for the share of
/// accounts <see cref="ChallengerSplit"/> sends there. A challenger that is missing or no longer fits (another currency,
/// its own challenger) is logged and the champion answers: the load-time checks make this rare, but a deleted file can
/// still leave a champion pointing nowhere.
/// </summary>
/// <param name="policies">Named policies.</param>
/// <param name="logger">Where fallbacks are reported.</param>
public sealed partial class PolicyRouter(IPolicyStore policies, ILogger<PolicyRouter> logger)
{
    /// <summary>Arm of a champion policy.</summary>
    public const string ChampionArm = "champion";

    /// <summary>Arm of a challenger policy.</summary>
    public const string ChallengerArm = "challenger";

    /// <summary>The named policies.</summary>
    public IPolicyStore Policies => policies;

    /// <summary>
    /// The policy for <paramref name="accountId"/> under <paramref name="policyId"/> (validated to exist). ABORTED when the
    /// policy was withdrawn or changed currency between validation and now (a reload raced the call; retrying is safe).
    /// </summary>
    public RoutedPolicy Route(string policyId, string accountId, D.Money.Currency currency)
    {
        if (!policies.TryGet(policyId, out var stored))
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"Policy \"{policyId}\" was withdrawn while the call ran; retry."));
        }

        var champion = stored.Policy;
        if (champion.Currency != currency)
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"Policy \"{policyId}\" changed to {champion.Currency.Code} while the call ran; retry."));
        }

        if (champion.Challenger is { } challenger && ChallengerSplit.IsChallenger(accountId, champion.Id, challenger.Share))
        {
            if (policies.TryGet(challenger.PolicyId, out var other)
                && other.Policy.Id != champion.Id
                && other.Policy.Challenger is null
                && other.Policy.Currency == champion.Currency)
            {
                return new RoutedPolicy(other.Policy, Reference(other.Policy, ChallengerArm));
            }

            LogFallback(logger, champion.Id, challenger.PolicyId);
        }

        return new RoutedPolicy(champion, Reference(champion, ChampionArm));
    }

    private static PolicyRef Reference(D.Policies.Policy policy, string arm) =>
        new() { PolicyId = policy.Id, Version = policy.Version, Arm = arm };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy {Champion} names challenger {Challenger}, which is not usable now; the champion answers")]
    private static partial void LogFallback(ILogger logger, string champion, string challenger);
}
