using System.Globalization;
using System.Text;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Contracts;

namespace NegociacionOptimizer.SampleClient;

/// <summary>
/// Renders responses as plain text for a terminal, in English number style ("$1,500,000.50", "3.04%"). Like any client
/// app it knows only the contract: a currency's symbol and minor digits come from the culture of a country that uses it
/// (the platform's CLDR data).
/// </summary>
public static class OfferTable
{
    private static readonly string[] Header =
        ["#", "kind", "starts", "down payment", "discount", "installments", "freq", "CFT", "P(complete)", "E[NPV]", "ladder"];

    /// <summary>What the "starts" column shows for an offer paid in full today (a settlement: D = B − Q on as_of).</summary>
    public const string Today = "today";

    private static readonly string[] ScheduleHeader = ["n", "due date", "amount", "interest", "principal", "remaining"];

    /// <summary>The summary, the offers table, rank 1's schedule and script, or the reasons and suggestions.</summary>
    public static string Render(GenerateOffersResponse response)
    {
        var text = new StringBuilder();
        var currency = CurrencyOf(response.Currency);
        text.AppendLine(response.Summary);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"outcome {response.Outcome}; policy {response.Policy?.PolicyId} v{response.Policy?.Version}; engine {response.Solve?.Engine}, {response.Solve?.SolveTimeMs} ms");
        if (response.Offers.Count > 0)
        {
            text.AppendLine();
            var rows = response.Offers.Select(o => Row(o, currency)).ToList();
            AppendTable(text, rows);
            var best = response.Offers[0];
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Rank 1 ({best.OfferId}, expires {best.ExpiresOn}): {best.Script}");
            foreach (var binding in best.BindingConstraints)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  shaped by: {binding.Text}");
            }

            if (best.Schedule.Count > 0)
            {
                text.AppendLine(Schedule(best, currency));
            }
        }

        AppendExplanations(text, "Why no offer", response.NoOfferReasons);
        AppendExplanations(text, "What would make an offer exist", response.Suggestions);
        return text.ToString();
    }

    /// <summary>The verdict on a proposal, its violations, the offer it becomes, or the counter-offers with what changed.</summary>
    public static string Render(EvaluateProposalResponse response)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"verdict {response.Verdict}: {response.Summary}");
        AppendExplanations(text, "Violations", response.Violations);
        if (response.AcceptedOffer is { } offer)
        {
            var currency = CurrencyOf(offer.Currency);
            AppendTable(text, [Row(offer, currency)]);
            text.AppendLine(offer.Script);
        }

        if (response.CounterOffers.Count > 0)
        {
            text.AppendLine("Counter-offers (nearest first):");
            var currency = CurrencyOf(response.CounterOffers[0].Offer.Currency);
            AppendTable(text, [.. response.CounterOffers.Select(c => Row(c.Offer, currency))]);
            foreach (var counter in response.CounterOffers)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {counter.Offer.Rank}. {counter.Changes} (distance {counter.Distance.ToString("0.##", CultureInfo.InvariantCulture)})");
                text.AppendLine(CultureInfo.InvariantCulture, $"     {counter.Offer.Script}");
            }
        }

        return text.ToString();
    }

    /// <summary>A failed call with every field violation.</summary>
    public static string Render(CallFailure failure)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{failure.Code}: {failure.Message}");
        foreach (var (field, description) in failure.Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {field}: {description}");
        }

        return text.ToString();
    }

    /// <summary>The dated schedule of an offer.</summary>
    public static string Schedule(Offer offer, NumberFormatInfo currency)
    {
        var rows = new List<string[]> { ScheduleHeader };
        rows.AddRange(offer.Schedule.Select(s => new[]
        {
            s.Number.ToString(CultureInfo.InvariantCulture), s.DueDate, Money(s.AmountMinor, currency), Money(s.InterestMinor, currency),
            Money(s.PrincipalMinor, currency), Money(s.RemainingBalanceMinor, currency),
        }));
        var text = new StringBuilder();
        AppendColumns(text, rows);
        return text.ToString().TrimEnd();
    }

    /// <summary>An accepted plan: its id, status and summary, then each payment with what was paid of it.</summary>
    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        var currency = CurrencyOf(plan.Currency);
        text.AppendLine(CultureInfo.InvariantCulture, $"plan {plan.PlanId} ({plan.Status}), offer {plan.OfferId}, policy {plan.Policy?.PolicyId} v{plan.Policy?.Version}");
        text.AppendLine(plan.Summary);
        text.AppendLine();
        AppendColumns(text,
        [
            ["n", "due date", "amount", "paid", "state", "days late"],
            .. plan.Schedule.Select(p => new[]
            {
                p.Number.ToString(CultureInfo.InvariantCulture), p.DueDate, Money(p.AmountMinor, currency), Money(p.PaidMinor, currency),
                p.State.ToString(), p.DaysLate.ToString(CultureInfo.InvariantCulture),
            }),
        ]);
        return text.ToString();
    }

    private static string[] Row(Offer o, NumberFormatInfo currency) =>
    [
        o.Rank.ToString(CultureInfo.InvariantCulture),
        o.Kind switch { OfferKind.Settlement => "settlement", OfferKind.DeferredPlan => $"deferred +{o.GracePeriods}", _ => "plan" },
        Starts(o),
        Money(o.DownPaymentMinor, currency),
        $"{Money(o.Discount.TotalMinor, currency)} ({Percent(o.Discount.ShareOfBalanceBp)})",
        o.Installments == 0 ? "-" : $"{o.Installments} × {Money(o.InstallmentMinor, currency)}",
        o.Installments == 0 ? "-" : o.Frequency.ToString().ToLowerInvariant(),
        (o.EffectiveAnnualCost * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
        o.CompletionProbability.ToString("0.000", CultureInfo.InvariantCulture),
        Money(o.ExpectedNpvMinor, currency),
        o.LadderPosition.ToString(CultureInfo.InvariantCulture),
    ];

    /// <summary>
    /// When the person starts paying: today for a settlement (or any offer without installments), else the first
    /// installment's due date (a down payment, when there is one, is paid today as its own column shows).
    /// </summary>
    private static string Starts(Offer o) => o.Schedule.Count == 0 ? Today : o.Schedule[0].DueDate;

    private static void AppendTable(StringBuilder text, IEnumerable<string[]> rows) => AppendColumns(text, [Header, .. rows]);

    private static void AppendColumns(StringBuilder text, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static void AppendExplanations(StringBuilder text, string title, IEnumerable<Explanation> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
        foreach (var item in list)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{item.Code}] {item.Text}");
        }
    }

    private static NumberFormatInfo CurrencyOf(string code)
    {
        var user = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault(c => new RegionInfo(c.Name).ISOCurrencySymbol == code);
        if (user is not null)
        {
            return user.NumberFormat;
        }

        var unknown = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        unknown.CurrencySymbol = code;
        unknown.CurrencyDecimalDigits = 2;
        return unknown;
    }

    private static string Money(long minor, NumberFormatInfo currency)
    {
        var perMajor = (long)Math.Pow(10, currency.CurrencyDecimalDigits);
        var symbol = currency.CurrencySymbol;
        var text = new StringBuilder(minor < 0 ? "-" : "").Append(symbol);
        if (char.IsLetter(symbol[^1]))
        {
            text.Append(' ');
        }

        text.Append((Math.Abs(minor) / perMajor).ToString("#,0", CultureInfo.InvariantCulture));
        var fraction = Math.Abs(minor) % perMajor;
        if (fraction != 0)
        {
            text.Append('.').Append(fraction.ToString(new string('0', currency.CurrencyDecimalDigits), CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static string Percent(long basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
