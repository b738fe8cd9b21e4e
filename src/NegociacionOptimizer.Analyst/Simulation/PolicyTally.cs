namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// The running summary of one policy: counts and sums only (plus a binned histogram of recovery ratios), so a run of any
/// size keeps constant memory. Means are over the accounts they describe (stated per property).
/// </summary>
/// <param name="label">The policy's label.</param>
internal sealed class PolicyTally(string label)
{
    /// <summary>Width of a recovery-ratio histogram bin.</summary>
    public const double BinWidth = 0.02;

    /// <summary>The reasons-table key of an account without offers whose answer names no reason.</summary>
    public const string NoReasonGiven = "(sin motivo)";

    private readonly SortedDictionary<int, long> _bins = [];
    private readonly SortedDictionary<string, long> _noOfferReasons = new(StringComparer.Ordinal);
    private long _graceSum;
    private decimal _npv;
    private decimal _balanceWithOffer;
    private double _burden;
    private decimal _personValue;
    private double _solveMs;

    public string Label { get; } = label;

    public long Accounts { get; private set; }

    public long WithOffer { get; private set; }

    public long NoFeasiblePlan { get; private set; }

    public long ReviewRequired { get; private set; }

    public long Errors { get; private set; }

    public long Settlements { get; private set; }

    public long Plans { get; private set; }

    public long DeferredPlans { get; private set; }

    /// <summary>Answers with offers of which at least one starts now (a settlement, or a plan with g = 0).</summary>
    public long StartNowAnswers { get; private set; }

    /// <summary>Share of accounts with an offer whose best offer is deferred (g &gt; 0), 0..1.</summary>
    public double DeferredShare => WithOffer == 0 ? 0 : (double)DeferredPlans / WithOffer;

    /// <summary>Mean grace periods g of the best offer over accounts with an offer (a settlement counts 0).</summary>
    public double MeanGracePeriods => WithOffer == 0 ? 0 : (double)_graceSum / WithOffer;

    /// <summary>Share of answers with offers that carry an offer starting now, 0..1.</summary>
    public double StartNowShare => WithOffer == 0 ? 0 : (double)StartNowAnswers / WithOffer;

    /// <summary>Accounts without offers (errors excluded) by the code of their answer's first reason.</summary>
    public IReadOnlyDictionary<string, long> NoOfferReasons => _noOfferReasons;

    /// <summary>Answers whose search a time limit cut (not proven optimal).</summary>
    public long NotProven { get; private set; }

    /// <summary>Σ E[NPV] of the best offer over accounts with an offer, minor units.</summary>
    public decimal TotalExpectedNpvMinor => _npv;

    /// <summary>Mean E[NPV] of the best offer over accounts with an offer, minor units.</summary>
    public double MeanExpectedNpvMinor => WithOffer == 0 ? 0 : (double)(_npv / WithOffer);

    /// <summary>Σ E[NPV] / Σ B over accounts with an offer.</summary>
    public double RecoveryRatio => _balanceWithOffer == 0 ? 0 : (double)(_npv / _balanceWithOffer);

    /// <summary>Mean burden of the best offer over accounts whose best offer is a plan (a settlement has none).</summary>
    public double MeanBurden => Plans + DeferredPlans == 0 ? 0 : _burden / (Plans + DeferredPlans);

    /// <summary>Mean U_d of the best offer over accounts with an offer, minor units.</summary>
    public double MeanPersonValueMinor => WithOffer == 0 ? 0 : (double)(_personValue / WithOffer);

    /// <summary>Mean engine time over every answered item (errors excluded), milliseconds.</summary>
    public double MeanSolveMs => Accounts - Errors == 0 ? 0 : _solveMs / (Accounts - Errors);

    /// <summary>Accounts with an offer per recovery-ratio bin [k·w, (k+1)·w).</summary>
    public IReadOnlyDictionary<int, long> RecoveryBins => _bins;

    public void Add(AccountResult result)
    {
        Accounts++;
        switch (result.Outcome)
        {
            case ResultOutcome.Error:
                Errors++;
                return;
            case ResultOutcome.NoFeasiblePlan:
                NoFeasiblePlan++;
                break;
            case ResultOutcome.ReviewRequired:
                ReviewRequired++;
                break;
        }

        _solveMs += result.SolveMs;
        NotProven += result.OptimalProven ? 0 : 1;
        if (result.Best is not { } best)
        {
            var reason = result.NoOfferReason.Length > 0 ? result.NoOfferReason : NoReasonGiven;
            _noOfferReasons[reason] = _noOfferReasons.GetValueOrDefault(reason) + 1;
            return;
        }

        WithOffer++;
        _graceSum += best.GracePeriods;
        StartNowAnswers += result.StartNowOffers > 0 ? 1 : 0;
        _npv += best.ExpectedNpvMinor;
        _balanceWithOffer += result.Item.Input.Account.BalanceMinor;
        _personValue += best.PersonValueMinor;
        switch (best.Kind)
        {
            case BestOffer.Settlement:
                Settlements++;
                break;
            case BestOffer.DeferredPlan:
                DeferredPlans++;
                _burden += best.Burden;
                break;
            default:
                Plans++;
                _burden += best.Burden;
                break;
        }

        var bin = (int)Math.Floor(Math.Max(0, best.RecoveryRatio) / BinWidth);
        _bins[bin] = _bins.GetValueOrDefault(bin) + 1;
    }
}
