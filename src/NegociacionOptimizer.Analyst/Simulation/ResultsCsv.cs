using System.Globalization;
using CsvHelper;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// Per-account results CSV: one row per account and policy, in portfolio order, written as results arrive. Money in
/// integer minor units; the best_* columns describe the rank-1 offer and are empty without offers; start_now_offers counts
/// the returned offers that start now (a settlement, or g = 0); no_offer_reason is the first reason's code without offers.
/// </summary>
internal sealed class ResultsCsv : IDisposable
{
    public static readonly string[] Columns =
    [
        "account_id", "policy", "server", "outcome", "currency", "balance_minor", "offers", "start_now_offers", "no_offer_reason",
        "best_kind", "best_frequency", "best_installments", "best_grace_periods", "best_down_payment_minor",
        "best_discount_minor", "best_installment_minor", "best_expected_npv_minor", "best_recovery_ratio", "best_burden",
        "best_company_value_minor", "best_person_value_minor", "best_score", "solve_ms", "optimal_proven", "error",
    ];

    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<SimulationPolicy> _policies;

    public ResultsCsv(TextWriter writer, IReadOnlyList<SimulationPolicy> policies, bool header = true)
    {
        _policies = policies;
        _csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: false);
        if (header)
        {
            _csv.WriteHeader(Columns);
        }
    }

    public void Write(AccountResult r)
    {
        var account = r.Item.Input.Account;
        _csv.WriteField(account.AccountId);
        _csv.WriteField(_policies[r.Item.PolicyIndex].Label);
        _csv.WriteField(r.Server);
        _csv.WriteField(Outcome(r.Outcome));
        _csv.WriteField(account.Currency.Code);
        _csv.WriteField(I(account.BalanceMinor));
        _csv.WriteField(I(r.Offers.Count));
        _csv.WriteField(I(r.StartNowOffers));
        _csv.WriteField(r.NoOfferReason);
        var b = r.Best;
        _csv.WriteField(b?.Kind);
        _csv.WriteField(b?.Frequency);
        _csv.WriteField(b is null ? null : I(b.Installments));
        _csv.WriteField(b is null ? null : I(b.GracePeriods));
        _csv.WriteField(b is null ? null : I(b.DownPaymentMinor));
        _csv.WriteField(b is null ? null : I(b.DiscountMinor));
        _csv.WriteField(b is null ? null : I(b.InstallmentMinor));
        _csv.WriteField(b is null ? null : I(b.ExpectedNpvMinor));
        _csv.WriteField(b is null ? null : D(b.RecoveryRatio));
        _csv.WriteField(b is null ? null : D(b.Burden));
        _csv.WriteField(b is null ? null : I(b.CompanyValueMinor));
        _csv.WriteField(b is null ? null : I(b.PersonValueMinor));
        _csv.WriteField(b is null ? null : D(b.Score));
        _csv.WriteField(r.SolveMs.ToString("F1", CultureInfo.InvariantCulture));
        _csv.WriteField(r.OptimalProven ? "true" : "false");
        _csv.WriteField(r.Error);
        _csv.EndRecord();
    }

    public void Dispose() => _csv.Dispose();

    public static string Outcome(ResultOutcome outcome) => outcome switch
    {
        ResultOutcome.Offers => "offers",
        ResultOutcome.NoFeasiblePlan => "no_feasible_plan",
        ResultOutcome.ReviewRequired => "review_required",
        _ => "error",
    };

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
