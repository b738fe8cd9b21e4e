using NegociacionOptimizer.Domain.Plans;

namespace NegociacionOptimizer.Domain.Offers;

/// <summary>Computes the ranked set of offers for one negotiation (SPEC §5–§6).</summary>
public interface IOfferEngine
{
    /// <summary>
    /// The ranked set for <paramref name="context"/>. Never throws for an infeasible case (the answer says why); stops
    /// early, keeping what it found, when <paramref name="cancellationToken"/> fires or the time limit passes.
    /// </summary>
    OfferSet Generate(NegotiationContext context, OfferOptions options, CancellationToken cancellationToken);
}

/// <summary>Per-request options of a search.</summary>
/// <param name="OfferCount">Offers wanted, 1..10.</param>
/// <param name="TimeLimit">Budget of the whole search (the smaller of the policy's limit and the call's deadline).</param>
/// <param name="Fingerprint">A stable digest of the request and policy; offer ids derive from it.</param>
/// <param name="Explain">
/// When no plan is feasible, name the conflicting rules and the smallest changes (the live API and the analyst's
/// simulation always do); a caller that only counts outcomes may turn it off and save the diagnosis's solves.
/// </param>
public sealed record OfferOptions(int OfferCount, TimeSpan TimeLimit, string Fingerprint, bool Explain = true);

/// <summary>What kind of answer a search gives.</summary>
public enum OfferOutcome
{
    /// <summary>At least one feasible offer.</summary>
    Offers,
    /// <summary>No plan meets every constraint.</summary>
    NoFeasiblePlan,
    /// <summary>Disputed or fraud-claimed balance: no offers until review.</summary>
    ReviewRequired,
}

/// <summary>The answer of a search.</summary>
/// <param name="Outcome">What kind of answer.</param>
/// <param name="Offers">Ranked offers, rank 1 first.</param>
/// <param name="NoOfferReasons">Why there is no offer: the conflicting rules with their figures.</param>
/// <param name="Suggestions">The smallest changes that would make an offer exist.</param>
/// <param name="Stats">How the search went.</param>
public sealed record OfferSet(
    OfferOutcome Outcome,
    IReadOnlyList<RankedOffer> Offers,
    IReadOnlyList<Violation> NoOfferReasons,
    IReadOnlyList<Suggestion> Suggestions,
    SolveStats Stats);

/// <summary>One offer of the ranked set.</summary>
/// <param name="OfferId">Deterministic id (same request and policy, same id).</param>
/// <param name="Rank">1 = highest N.</param>
/// <param name="LadderPosition">Presentation order, 1 = highest U_c.</param>
/// <param name="Plan">Every figure of the plan.</param>
/// <param name="ParetoEfficient">True when no feasible plan has U_c and U_d both ≥ and one &gt;.</param>
/// <param name="TermClass">The term class the plan belongs to.</param>
/// <param name="BindingConstraints">Rules the plan meets exactly or nearly (what shaped it).</param>
public sealed record RankedOffer(
    string OfferId,
    int Rank,
    int LadderPosition,
    PlanEvaluation Plan,
    bool ParetoEfficient,
    TermClass TermClass,
    IReadOnlyList<Violation> BindingConstraints);

/// <summary>A smallest change to one input that would make an offer exist.</summary>
/// <param name="Code">The rule the change relaxes.</param>
/// <param name="Field">The request or policy field, e.g. "inquiry.stated_monthly_capacity_minor".</param>
/// <param name="Value">The value the field would need, in <paramref name="Unit"/>.</param>
/// <param name="Current">Its current value, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Unit of both values.</param>
public sealed record Suggestion(RuleCode Code, string Field, long Value, long Current, FigureUnit Unit);

/// <summary>How a search went.</summary>
/// <param name="OptimalProven">True when every returned figure is proven best for its role.</param>
/// <param name="Elapsed">Wall time of the search.</param>
/// <param name="SolverCalls">CP-SAT solves made.</param>
public sealed record SolveStats(bool OptimalProven, TimeSpan Elapsed, int SolverCalls);
