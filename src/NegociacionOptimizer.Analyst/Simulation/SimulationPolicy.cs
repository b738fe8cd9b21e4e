using System.Collections.Concurrent;
using NegociacionOptimizer.Analytics.Portfolio;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;
using Proto = NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// One policy under simulation: its label in tables and files, the validated message (sent inline to a server) and its
/// domain form per currency (an unset field takes the account currency's default, as the server does for inline policies).
/// </summary>
/// <param name="label">Short name shown in the table, the CSV and the charts (the file name without extension).</param>
/// <param name="message">The policy, already validated.</param>
internal sealed class SimulationPolicy(string label, Proto.Policy message)
{
    private readonly ConcurrentDictionary<Currency, Policy> _byCurrency = new();

    public string Label { get; } = label;

    public Proto.Policy Message { get; } = message;

    /// <summary>The domain policy for accounts in <paramref name="currency"/>.</summary>
    public Policy For(Currency currency) => _byCurrency.GetOrAdd(currency, c => ToDomain.Policy(Message, c));

    /// <summary>The negotiation of <paramref name="input"/> under this policy, with the policy country's calendar.</summary>
    public NegotiationContext Context(PortfolioAccount input)
    {
        var policy = For(input.Account.Currency);
        return BusinessCalendars.TryGet(policy.Country, out var calendar)
            ? new NegotiationContext(input.Account, input.Inquiry, policy, calendar)
            : throw new InvalidOperationException($"no business calendar for policy country '{policy.Country}'");
    }
}
