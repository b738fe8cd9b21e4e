using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Server.Policies;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Server.Services;

/// <summary>A validated request turned into the domain: the negotiation, the policy that answers it and its budget.</summary>
/// <param name="Context">Account, inquiry, policy and calendar.</param>
/// <param name="PolicyRef">Which policy answered, as the response reports it.</param>
public sealed record Negotiation(NegotiationContext Context, PolicyRef PolicyRef)
{
    /// <summary>
    /// Builds the negotiation of a validated request: an inline policy takes its defaults from the request's currency;
    /// otherwise the named policy (or <c>default</c>), or its challenger for this account, as the router picks it; then
    /// the call's <paramref name="tightening"/>, if any, makes it stricter (PERMISSION_DENIED for a looser field). The
    /// policy country's calendar comes from <paramref name="calendars"/> (the built-in rules with the operator's overrides).
    /// </summary>
    public static Negotiation From(
        PolicyRouter router, ICalendarSource calendars, Account account, Inquiry inquiry, Api.V1.Policy? inline, string policyId,
        PolicyTightening? tightening = null)
    {
        var domainAccount = ToDomain.Account(account);
        D.Policies.Policy policy;
        PolicyRef reference;
        if (inline is { } message)
        {
            policy = ToDomain.Policy(message, domainAccount.Currency);
            reference = new PolicyRef { PolicyId = policy.Id, Version = policy.Version, Arm = "inline" };
        }
        else
        {
            var id = policyId.Length > 0 ? policyId : D.Policies.PolicyDefaults.DefaultPolicyId;
            (policy, reference) = router.Route(id, domainAccount.AccountId, domainAccount.Currency);
        }

        if (Tightening.Sets(tightening))
        {
            policy = Tightening.Apply(policy, tightening);
            reference.Tightened = true;
        }

        if (!calendars.TryGet(policy.Country, out var calendar))
        {
            throw new InvalidOperationException($"No calendar for policy country '{policy.Country}'.");
        }

        var context = new NegotiationContext(domainAccount, ToDomain.Inquiry(inquiry), policy, calendar);
        return new Negotiation(context, reference);
    }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency => Context.Account.Currency;

    /// <summary>The policy's search time limit.</summary>
    public TimeSpan TimeLimit => TimeSpan.FromMilliseconds(Context.Policy.SolveTimeLimitMs);
}
