using NegociacionOptimizer.Analyst.Commands;
using NegociacionOptimizer.Domain.Money;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>
/// The comparison table (one row per figure, one column per policy and the challenger's difference) and the table of
/// first no-offer reasons; the console and the HTML report print the same rows.
/// </summary>
internal static class SummaryTable
{
    /// <summary>Header of the difference column when comparing two policies.</summary>
    public const string DifferenceHeader = "Diferencia";

    public static Table Build(IReadOnlyList<PolicyTally> tallies, Currency currency) =>
        Table("Indicador", tallies, Rows(tallies, currency));

    /// <summary>Accounts without offers by the code of their first reason, one row per code.</summary>
    public static Table Reasons(IReadOnlyList<PolicyTally> tallies) =>
        Table("Motivo (primero) de las cuentas sin oferta", tallies, ReasonRows(tallies));

    /// <summary>The column headers after the label: one per policy, and the difference when comparing two.</summary>
    public static IReadOnlyList<string> Headers(IReadOnlyList<PolicyTally> tallies) =>
        [.. tallies.Select(t => t.Label), .. tallies.Count == 2 ? [DifferenceHeader] : Array.Empty<string>()];

    public static IReadOnlyList<SummaryRow> Rows(IReadOnlyList<PolicyTally> tallies, Currency currency)
    {
        var major = (double)currency.MinorPerMajor;
        var rows = new List<SummaryRow>
        {
            Row(tallies, "Cuentas", t => t.Accounts, Display.Count),
            Row(tallies, "Con oferta", t => t.WithOffer, Display.Count),
            Row(tallies, "Con oferta (%)", t => Share(t.WithOffer, t), v => Display.Number(v, 1)),
            Row(tallies, "Sin plan factible", t => t.NoFeasiblePlan, Display.Count),
            Row(tallies, "Requieren revisión", t => t.ReviewRequired, Display.Count),
        };
        if (tallies.Any(t => t.Errors > 0))
        {
            rows.Add(Row(tallies, "Errores", t => t.Errors, Display.Count));
        }

        rows.AddRange(
        [
            Row(tallies, $"E[NPV] total, mejor oferta ({currency.Code})", t => (double)t.TotalExpectedNpvMinor / major, v => Display.Number(v, 0)),
            Row(tallies, $"E[NPV] medio, mejor oferta ({currency.Code})", t => t.MeanExpectedNpvMinor / major, v => Display.Number(v, 0)),
            Row(tallies, "Recuperación E[NPV] / saldo (%)", t => 100 * t.RecoveryRatio, v => Display.Number(v, 2)),
            Row(tallies, "Carga media, planes (%)", t => 100 * t.MeanBurden, v => Display.Number(v, 2)),
            Row(tallies, $"U_d medio ({currency.Code})", t => t.MeanPersonValueMinor / major, v => Display.Number(v, 0)),
            Row(tallies, "Mejor oferta: cancelación en un pago", t => t.Settlements, Display.Count),
            Row(tallies, "Mejor oferta: plan de pagos", t => t.Plans, Display.Count),
            Row(tallies, "Mejor oferta: plan diferido", t => t.DeferredPlans, Display.Count),
            Row(tallies, "Mejores ofertas diferidas, g > 0 (%)", t => 100 * t.DeferredShare, v => Display.Number(v, 1)),
            Row(tallies, "Gracia media de la mejor oferta (períodos)", t => t.MeanGracePeriods, v => Display.Number(v, 2)),
            Row(tallies, "Respuestas con alternativa para empezar ya (%)", t => 100 * t.StartNowShare, v => Display.Number(v, 1)),
            Row(tallies, "Tiempo medio de resolución (ms)", t => t.MeanSolveMs, v => Display.Number(v, 1)),
            Row(tallies, "Sin óptimo probado", t => t.NotProven, Display.Count),
        ]);
        return rows;
    }

    /// <summary>One row per first-reason code seen under any policy, codes in ordinal order.</summary>
    public static IReadOnlyList<SummaryRow> ReasonRows(IReadOnlyList<PolicyTally> tallies) =>
    [
        .. tallies.SelectMany(t => t.NoOfferReasons.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(code => Row(tallies, code, t => t.NoOfferReasons.GetValueOrDefault(code), Display.Count)),
    ];

    private static Table Table(string title, IReadOnlyList<PolicyTally> tallies, IReadOnlyList<SummaryRow> rows)
    {
        var table = new Table().AddColumn(Markup.Escape(title));
        foreach (var header in Headers(tallies))
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)).RightAligned());
        }

        foreach (var row in rows)
        {
            table.AddRow([Markup.Escape(row.Label), .. row.Cells.Select(Markup.Escape)]);
        }

        return table;
    }

    private static double Share(long count, PolicyTally t) => t.Accounts == 0 ? 0 : 100.0 * count / t.Accounts;

    private static SummaryRow Row<T>(IReadOnlyList<PolicyTally> tallies, string label, Func<PolicyTally, T> value, Func<T, string> format)
        where T : System.Numerics.INumber<T>
    {
        var cells = tallies.Select(t => format(value(t))).ToList();
        if (tallies.Count == 2)
        {
            cells.Add(Signed(value(tallies[1]) - value(tallies[0]), format));
        }

        return new SummaryRow(label, cells);
    }

    private static string Signed<T>(T difference, Func<T, string> format)
        where T : System.Numerics.INumber<T> =>
        (T.IsPositive(difference) && !T.IsZero(difference) ? "+" : string.Empty) + format(difference);
}
