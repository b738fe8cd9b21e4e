using System.Runtime.CompilerServices;
using NegociacionOptimizer.Domain.Accounts;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Domain.Plans;

/// <summary>
/// Everything a <see cref="StructureProfile"/> reads besides its structure: the policy's rate tiers, cost of capital,
/// person's discount rate and behaviour model (the hazard buckets, the grace multiplier and the reason's multiplier),
/// the account's as-of date, the inquiry's pay day and reason, and the calendar. Two negotiations with equal bases get
/// the same profiles, so <see cref="StructureProfileCache"/> keys on it. The policy's values are compared, not the
/// policy object or its id and version: an inline or tightened policy is a new object on every call, and a reloaded
/// file may change a value under the same version. The calendar is compared by reference: a calendar never changes,
/// an operator's override reload builds new ones.
/// </summary>
internal sealed class ProfileBasis : IEquatable<ProfileBasis>
{
    private readonly IReadOnlyList<RateTier> _rates;
    private readonly int _costOfCapitalBp;
    private readonly int _debtorDiscountRateBp;
    private readonly IReadOnlyList<HazardBucket> _buckets;
    private readonly double _graceHazardMultiplier;
    private readonly double _reasonMultiplier;
    private readonly DateOnly _asOf;
    private readonly PayDay _payDay;
    private readonly Reason _reason;
    private readonly IBusinessCalendar _calendar;
    private readonly int _hash;

    public ProfileBasis(Policy policy, DateOnly asOf, Inquiry inquiry, IBusinessCalendar calendar)
    {
        _rates = policy.NominalAnnualRate;
        _costOfCapitalBp = policy.CostOfCapitalBp;
        _debtorDiscountRateBp = policy.DebtorDiscountRateBp;
        _buckets = policy.Behaviour.Buckets;
        _graceHazardMultiplier = policy.Behaviour.GraceHazardMultiplier;
        _reasonMultiplier = policy.Behaviour.Multiplier(inquiry.Reason);
        _asOf = asOf;
        _payDay = inquiry.PayDay;
        _reason = inquiry.Reason;
        _calendar = calendar;
        var hash = new HashCode();
        hash.Add(_costOfCapitalBp);
        hash.Add(_debtorDiscountRateBp);
        hash.Add(_graceHazardMultiplier);
        hash.Add(_reasonMultiplier);
        hash.Add(_asOf);
        hash.Add(_payDay);
        hash.Add(_reason);
        hash.Add(RuntimeHelpers.GetHashCode(_calendar));
        foreach (var rate in _rates)
        {
            hash.Add(rate);
        }

        foreach (var bucket in _buckets)
        {
            hash.Add(bucket);
        }

        _hash = hash.ToHashCode();
    }

    /// <inheritdoc/>
    public bool Equals(ProfileBasis? other) =>
        ReferenceEquals(this, other) || (other is not null
            && _hash == other._hash
            && _costOfCapitalBp == other._costOfCapitalBp
            && _debtorDiscountRateBp == other._debtorDiscountRateBp
            && _graceHazardMultiplier.Equals(other._graceHazardMultiplier)
            && _reasonMultiplier.Equals(other._reasonMultiplier)
            && _asOf == other._asOf
            && _payDay == other._payDay
            && _reason == other._reason
            && ReferenceEquals(_calendar, other._calendar)
            && _rates.SequenceEqual(other._rates)
            && _buckets.SequenceEqual(other._buckets));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ProfileBasis);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;
}
