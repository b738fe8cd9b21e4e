namespace NegociacionOptimizer.Domain.Offers;

/// <summary>Per-request options of a search.</summary>
/// <param name="OfferCount">Offers wanted, 1..10.</param>
/// <param name="TimeLimit">Budget of the whole search (the smaller of the policy's limit and the call's deadline).</param>
/// <param name="Fingerprint">A stable digest of the request and policy; offer ids derive from it.</param>
/// <param name="Explain">
/// When no plan is feasible, name the conflicting rules and the smallest changes (the live API and the analyst's
/// simulation always do); a caller that only counts outcomes may turn it off and save the diagnosis's solves.
/// </param>
/// <param name="Suggest">
/// With <paramref name="Explain"/>, also search each conflicting rule's smallest change (the suggestions, and the
/// figures of the nearest plan in each reason): one optimization over the whole space per rule, most of a diagnosis's
/// time. The live API always does; the analyst's in-process simulation, which reads only the first reason's rule, does
/// not (the reasons' figures then come from the plan that kept each rule in the conflict).
/// </param>
public sealed record OfferOptions(int OfferCount, TimeSpan TimeLimit, string Fingerprint, bool Explain = true, bool Suggest = true);
