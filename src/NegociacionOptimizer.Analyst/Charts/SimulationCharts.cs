using System.Globalization;
using NegociacionOptimizer.Analyst.Commands;
using NegociacionOptimizer.Analyst.Simulation;
using ScottPlot;

namespace NegociacionOptimizer.Analyst.Charts;

/// <summary>The charts of a simulation run (ScottPlot), drawn as PNG images for the charts folder and the HTML report.</summary>
internal static class SimulationCharts
{
    public const int Width = 1000;
    public const int Height = 600;

    private static readonly Color[] PolicyColors = [new(31, 119, 180), new(255, 127, 14)];

    /// <summary>Which arm a policy is, as legends and the report name it: the policy, or the champion and its challenger.</summary>
    public static string Arm(string label, int index, int policies) =>
        policies == 1 ? $"política {label}" : index == 0 ? $"campeona {label} (--policy)" : $"retadora {label} (--challenger)";

    /// <summary>
    /// The distribution of the best offer's recovery ratio (E[NPV] / B), one series per policy: the share of that policy's
    /// accounts with an offer in each bin.
    /// </summary>
    public static Chart RecoveryHistogram(IReadOnlyList<PolicyTally> tallies)
    {
        using var plot = new Plot();
        var width = PolicyTally.BinWidth * 100;
        for (var i = 0; i < tallies.Count; i++)
        {
            var tally = tallies[i];
            if (tally.WithOffer == 0)
            {
                continue;
            }

            var bins = tally.RecoveryBins.OrderBy(kv => kv.Key).ToList();
            // Side by side within each bin when comparing two policies.
            var offset = tallies.Count == 1 ? width / 2 : width * (i + 0.5) / tallies.Count;
            var positions = bins.Select(kv => (kv.Key * width) + offset).ToArray();
            var shares = bins.Select(kv => 100.0 * kv.Value / tally.WithOffer).ToArray();
            var bars = plot.Add.Bars(positions, shares);
            bars.Color = PolicyColors[i % PolicyColors.Length];
            bars.LegendText = $"{Arm(tally.Label, i, tallies.Count)}: {Display.Count(tally.WithOffer)} cuentas con oferta";
            foreach (var bar in bars.Bars)
            {
                bar.Size = width / tallies.Count * 0.9;
                bar.LineWidth = 0;
            }
        }

        plot.Title("Distribución de la recuperación esperada de la mejor oferta");
        plot.XLabel("E[NPV] / saldo pendiente, mejor oferta (%)");
        plot.YLabel("Cuentas con oferta de la política (%)");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return new Chart("recovery-histogram.png", "Recuperación esperada de la mejor oferta, por política", Png(plot));
    }

    /// <summary>
    /// The U_c / U_d frontier of one account under one policy: feasible plans of a coarse grid as grey points, their Pareto
    /// front as a line, the returned offers marked by whether they start now and labelled by rank.
    /// </summary>
    public static Chart Frontier(SimulationPolicy policy, AccountResult result, int policies)
    {
        var input = result.Item.Input;
        var context = policy.Context(input);
        var currency = input.Account.Currency.Code;
        var major = (double)input.Account.Currency.MinorPerMajor;
        var arm = Arm(policy.Label, result.Item.PolicyIndex, policies);
        var points = FrontierGrid.FeasiblePoints(context);
        using var plot = new Plot();
        if (points.Count > 0)
        {
            var grid = plot.Add.ScatterPoints(
                points.Select(p => p.CompanyValueMinor / major).ToArray(), points.Select(p => p.PersonValueMinor / major).ToArray(), Colors.Gray.WithAlpha(0.35));
            grid.MarkerSize = 3;
            grid.LegendText = $"Planes factibles de la {arm} (grilla gruesa, {Display.Count(points.Count)})";
            var front = FrontierGrid.ParetoFront(points);
            var line = plot.Add.ScatterLine(
                front.Select(p => p.CompanyValueMinor / major).ToArray(), front.Select(p => p.PersonValueMinor / major).ToArray(), Colors.Black);
            line.LineWidth = 2;
            line.LegendText = "Frente de Pareto de la grilla";
        }

        var color = PolicyColors[result.Item.PolicyIndex % PolicyColors.Length];
        var legends = new HashSet<bool>();
        foreach (var offer in result.Offers.OrderBy(o => o.Rank))
        {
            var (x, y) = (offer.CompanyValueMinor / major, offer.PersonValueMinor / major);
            var marker = plot.Add.Marker(x, y, offer.StartsNow ? MarkerShape.FilledSquare : MarkerShape.FilledCircle, 11, color);
            marker.LegendText = legends.Add(offer.StartsNow)
                ? $"Ofertas de la {arm} que {(offer.StartsNow ? "empiezan ya (g = 0 o un pago)" : "son diferidas (g > 0)")}; n.º = rango"
                : string.Empty;
            var label = plot.Add.Text(offer.Rank.ToString(CultureInfo.InvariantCulture), x, y);
            label.LabelFontSize = 14;
            label.LabelBold = true;
            label.LabelOffsetX = 7;
            label.LabelOffsetY = -20;
        }

        var status = result.Outcome switch
        {
            ResultOutcome.Offers => $"{result.Offers.Count} ofertas",
            ResultOutcome.ReviewRequired => "requiere revisión",
            ResultOutcome.NoFeasiblePlan => "sin plan factible",
            _ => "error",
        };
        plot.Title($"Cuenta {input.AccountId}, {arm}: {status}");
        plot.XLabel($"U_c, ganancia de la empresa sobre no acordar ({currency})");
        plot.YLabel($"U_d, beneficio para la persona: saldo − VP de lo que paga ({currency})");
        plot.ShowLegend(Alignment.UpperRight);
        return new Chart(
            $"frontier-{FileSafe(policy.Label)}.png", $"Frontera U_c / U_d de la cuenta {input.AccountId}, {arm}", Png(plot));
    }

    private static byte[] Png(Plot plot)
    {
        using var image = plot.GetImage(Width, Height);
        return image.GetImageBytes(ImageFormat.Png);
    }

    private static string FileSafe(string label) =>
        string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
