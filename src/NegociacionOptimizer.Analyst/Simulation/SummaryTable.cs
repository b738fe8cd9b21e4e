using NegociacionOptimizer.Analyst.Commands;
using NegociacionOptimizer.Domain.Money;
using Spectre.Console;

namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>The comparison table: one row per figure, one column per policy (and the challenger's difference).</summary>
internal static class SummaryTable
{
    public static Table Build(IReadOnlyList<PolicyTally> tallies, Currency currency)
    {
        var table = new Table().AddColumn("Indicador");
        foreach (var t in tallies)
        {
            table.AddColumn(new TableColumn(Markup.Escape(t.Label)).RightAligned());
        }

        var compare = tallies.Count == 2;
        if (compare)
        {
            table.AddColumn(new TableColumn("Diferencia").RightAligned());
        }

        var major = (double)currency.MinorPerMajor;
        Row(table, tallies, "Cuentas", t => t.Accounts, Display.Count);
        Row(table, tallies, "Con oferta", t => t.WithOffer, Display.Count);
        Row(table, tallies, "Con oferta (%)", t => Share(t.WithOffer, t), v => Display.Number(v, 1));
        Row(table, tallies, "Sin plan factible", t => t.NoFeasiblePlan, Display.Count);
        Row(table, tallies, "Requieren revisión", t => t.ReviewRequired, Display.Count);
        if (tallies.Any(t => t.Errors > 0))
        {
            Row(table, tallies, "Errores", t => t.Errors, Display.Count);
        }

        Row(table, tallies, $"E[NPV] total, mejor oferta ({currency.Code})", t => (double)t.TotalExpectedNpvMinor / major, v => Display.Number(v, 0));
        Row(table, tallies, $"E[NPV] medio, mejor oferta ({currency.Code})", t => t.MeanExpectedNpvMinor / major, v => Display.Number(v, 0));
        Row(table, tallies, "Recuperación E[NPV] / saldo (%)", t => 100 * t.RecoveryRatio, v => Display.Number(v, 2));
        Row(table, tallies, "Carga media, planes (%)", t => 100 * t.MeanBurden, v => Display.Number(v, 2));
        Row(table, tallies, $"U_d medio ({currency.Code})", t => t.MeanPersonValueMinor / major, v => Display.Number(v, 0));
        Row(table, tallies, "Mejor oferta: cancelación en un pago", t => t.Settlements, Display.Count);
        Row(table, tallies, "Mejor oferta: plan de pagos", t => t.Plans, Display.Count);
        Row(table, tallies, "Mejor oferta: plan diferido", t => t.DeferredPlans, Display.Count);
        Row(table, tallies, "Tiempo medio de resolución (ms)", t => t.MeanSolveMs, v => Display.Number(v, 1));
        Row(table, tallies, "Sin óptimo probado", t => t.NotProven, Display.Count);
        return table;
    }

    private static double Share(long count, PolicyTally t) => t.Accounts == 0 ? 0 : 100.0 * count / t.Accounts;

    private static void Row(Table table, IReadOnlyList<PolicyTally> tallies, string label, Func<PolicyTally, long> value, Func<long, string> format)
    {
        var cells = tallies.Select(t => format(value(t))).ToList();
        if (tallies.Count == 2)
        {
            cells.Add(Signed(value(tallies[1]) - value(tallies[0]), format));
        }

        table.AddRow([Markup.Escape(label), .. cells.Select(Markup.Escape)]);
    }

    private static void Row(Table table, IReadOnlyList<PolicyTally> tallies, string label, Func<PolicyTally, double> value, Func<double, string> format)
    {
        var cells = tallies.Select(t => format(value(t))).ToList();
        if (tallies.Count == 2)
        {
            cells.Add(Signed(value(tallies[1]) - value(tallies[0]), format));
        }

        table.AddRow([Markup.Escape(label), .. cells.Select(Markup.Escape)]);
    }

    private static string Signed<T>(T difference, Func<T, string> format)
        where T : System.Numerics.INumber<T> =>
        (T.IsPositive(difference) && !T.IsZero(difference) ? "+" : string.Empty) + format(difference);
}
