using System.Globalization;
using NegociacionOptimizer.Analyst.Commands;
using NegociacionOptimizer.Analyst.Simulation;
using ScottPlot;

namespace NegociacionOptimizer.Analyst.Charts;

/// <summary>The PNG charts of a simulation run (ScottPlot).</summary>
internal static class SimulationCharts
{
    private const int Width = 1000;
    private const int Height = 600;

    private static readonly Color[] PolicyColors = [new(31, 119, 180), new(255, 127, 14)];

    /// <summary>
    /// The distribution of the best offer's recovery ratio (E[NPV] / B), one series per policy: the share of that policy's
    /// accounts with an offer in each bin. Returns the file written.
    /// </summary>
    public static string RecoveryHistogram(string folder, IReadOnlyList<PolicyTally> tallies)
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
            bars.LegendText = $"{tally.Label} ({Display.Count(tally.WithOffer)} cuentas con oferta)";
            foreach (var bar in bars.Bars)
            {
                bar.Size = width / tallies.Count * 0.9;
                bar.LineWidth = 0;
            }
        }

        plot.Title("Distribución de la recuperación esperada de la mejor oferta");
        plot.XLabel("E[NPV] / saldo pendiente (%)");
        plot.YLabel("Cuentas con oferta (%)");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperLeft);
        return Save(plot, Path.Combine(folder, "recovery-histogram.png"));
    }

    /// <summary>
    /// The U_c / U_d frontier of one account under one policy: feasible plans of a coarse grid as grey points, their Pareto
    /// front as a line, the returned offers marked and labelled by rank. Returns the file written.
    /// </summary>
    public static string Frontier(string folder, SimulationPolicy policy, AccountResult result)
    {
        var input = result.Item.Input;
        var context = policy.Context(input);
        var major = (double)input.Account.Currency.MinorPerMajor;
        var points = FrontierGrid.FeasiblePoints(context);
        using var plot = new Plot();
        if (points.Count > 0)
        {
            var grid = plot.Add.ScatterPoints(
                points.Select(p => p.CompanyValueMinor / major).ToArray(), points.Select(p => p.PersonValueMinor / major).ToArray(), Colors.Gray.WithAlpha(0.35));
            grid.MarkerSize = 3;
            grid.LegendText = $"Planes factibles (grilla gruesa, {Display.Count(points.Count)})";
            var front = FrontierGrid.ParetoFront(points);
            var line = plot.Add.ScatterLine(
                front.Select(p => p.CompanyValueMinor / major).ToArray(), front.Select(p => p.PersonValueMinor / major).ToArray(), Colors.Black);
            line.LineWidth = 2;
            line.LegendText = "Frente de Pareto de la grilla";
        }

        var color = PolicyColors[result.Item.PolicyIndex % PolicyColors.Length];
        foreach (var offer in result.Offers)
        {
            var (x, y) = (offer.CompanyValueMinor / major, offer.PersonValueMinor / major);
            var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 11, color);
            marker.LegendText = offer.Rank == 1 ? "Ofertas devueltas (rango)" : string.Empty;
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
        plot.Title($"Cuenta {input.AccountId}, política {policy.Label}: {status}");
        plot.XLabel($"U_c: ganancia de la empresa sobre no acordar ({input.Account.Currency.Code})");
        plot.YLabel($"U_d: beneficio para la persona ({input.Account.Currency.Code})");
        plot.ShowLegend(Alignment.UpperRight);
        return Save(plot, Path.Combine(folder, $"frontier-{FileSafe(policy.Label)}.png"));
    }

    private static string Save(Plot plot, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, Width, Height);
        return path;
    }

    private static string FileSafe(string label) =>
        string.Concat(label.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
