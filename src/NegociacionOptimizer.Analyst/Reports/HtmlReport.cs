using System.Globalization;
using System.Text;
using NegociacionOptimizer.Analyst.Charts;
using NegociacionOptimizer.Analyst.Commands;
using NegociacionOptimizer.Analyst.Simulation;
using NegociacionOptimizer.Domain.Money;

namespace NegociacionOptimizer.Analyst.Reports;

/// <summary>
/// The run's one-file HTML report, opened offline in a browser: no external resource (styles inline, charts as base64
/// PNG). It holds the summary table, the first no-offer reasons, the breakdown by segment and the charts; a small inline
/// script writes into <c>#charts-status</c> how many charts the browser decoded, so a headless browser can check them.
/// </summary>
internal static class HtmlReport
{
    /// <summary>Id of the element whose <c>data-drawn</c> / <c>data-total</c> the page's script sets once loaded.</summary>
    public const string ChartsStatusId = "charts-status";

    private static readonly (SegmentDimension Dimension, string Title)[] Dimensions =
    [
        (SegmentDimension.Reason, "Por motivo del atraso (indagación)"),
        (SegmentDimension.DaysPastDue, "Por días de atraso"),
        (SegmentDimension.BalanceBand, "Por saldo pendiente"),
    ];

    /// <summary>The report's text.</summary>
    /// <param name="report">What the run produced.</param>
    /// <param name="policies">The policies' labels, by index.</param>
    /// <param name="currency">The portfolio's currency.</param>
    /// <param name="charts">The charts to embed, in order.</param>
    public static string Render(SimulationReport report, IReadOnlyList<string> policies, Currency currency, IReadOnlyList<Chart> charts)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="es">
            <head>
            <meta charset="utf-8">
            <title>Simulación de cartera</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            th { background: #eee; }
            th[scope="row"] { text-align: left; font-weight: normal; }
            figure { margin: 1em 0; }
            img { max-width: 100%; border: 1px solid #ddd; }
            </style>
            </head>
            <body>
            <h1>Simulación de cartera</h1>
            """).AppendLine();
        Paragraph(html, $"Políticas: {string.Join("; ", policies.Select((label, i) => SimulationCharts.Arm(label, i, policies.Count)))}.");
        var dates = report.AsOf is { } range
            ? range.First == range.Last ? Iso(range.First) : $"{Iso(range.First)} a {Iso(range.Last)}"
            : "sin cuentas";
        Paragraph(html, $"Cuentas simuladas: {Display.Count(report.Accounts)}. Fecha de valuación: {dates}. Moneda: {currency.Code}.");
        if (report.StoppedEarly)
        {
            Paragraph(html, "Corte anticipado (--max-seconds o cancelación): las cifras cubren las cuentas procesadas.");
        }

        html.AppendLine("<h2>Resumen</h2>");
        Table(html, "Indicador", SummaryTable.Headers(report.Tallies), SummaryTable.Rows(report.Tallies, currency));
        html.AppendLine("<h2>Cuentas sin oferta, por primer motivo</h2>");
        var reasons = SummaryTable.ReasonRows(report.Tallies);
        if (reasons.Count == 0)
        {
            Paragraph(html, "Todas las cuentas simuladas tuvieron oferta.");
        }
        else
        {
            Table(html, "Motivo", SummaryTable.Headers(report.Tallies), reasons);
        }

        html.AppendLine("<h2>Por segmento</h2>");
        foreach (var (dimension, title) in Dimensions)
        {
            html.Append("<h3>").Append(Encode(title)).AppendLine("</h3>");
            Segments(html, report.Segments.Rows(dimension), policies);
        }

        html.AppendLine("<h2>Gráficos</h2>");
        foreach (var chart in charts)
        {
            html.Append("<figure><img alt=\"").Append(Encode(chart.Caption)).Append("\" width=\"")
                .Append(SimulationCharts.Width.ToString(CultureInfo.InvariantCulture)).Append("\" src=\"data:image/png;base64,")
                .Append(Convert.ToBase64String(chart.Png)).Append("\"><figcaption>").Append(Encode(chart.Caption))
                .AppendLine("</figcaption></figure>");
        }

        html.Append("<p id=\"").Append(ChartsStatusId).Append("\" data-drawn=\"\" data-total=\"")
            .Append(charts.Count.ToString(CultureInfo.InvariantCulture)).AppendLine("\">Gráficos: cargando…</p>");
        html.Append($$"""
            <script>
            window.addEventListener('load', function () {
              var images = Array.prototype.slice.call(document.images);
              var drawn = images.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
              var status = document.getElementById('{{ChartsStatusId}}');
              status.setAttribute('data-drawn', String(drawn));
              status.textContent = 'Gráficos dibujados: ' + drawn + ' de ' + images.length + '.';
            });
            </script>
            </body>
            </html>
            """).AppendLine();
        return html.ToString();
    }

    /// <summary>One row per segment: its accounts, and per policy the share with an offer, deferred best offers, start-now answers and recovery.</summary>
    private static void Segments(StringBuilder html, IReadOnlyList<(SegmentKey Key, IReadOnlyList<PolicyTally> Tallies)> rows, IReadOnlyList<string> policies)
    {
        string[] figures = ["con oferta (%)", "mejor diferida (%)", "empieza ya (%)", "recuperación (%)", "motivo sin oferta más frecuente"];
        var headers = policies.Count == 1
            ? figures
            : [.. policies.SelectMany(label => figures.Select(f => $"{label}: {f}"))];
        var body = rows.Select(row => new SummaryRow(
            row.Key.Label,
            [
                Display.Count(row.Tallies[0].Accounts),
                .. row.Tallies.SelectMany(t => new[]
                {
                    Display.Number(t.Accounts == 0 ? 0 : 100.0 * t.WithOffer / t.Accounts, 1),
                    Display.Number(100 * t.DeferredShare, 1),
                    Display.Number(100 * t.StartNowShare, 1),
                    Display.Number(100 * t.RecoveryRatio, 2),
                    t.NoOfferReasons.Count == 0 ? "—" : t.NoOfferReasons.MaxBy(kv => kv.Value).Key,
                }),
            ])).ToList();
        Table(html, "Segmento", ["Cuentas", .. headers], body);
    }

    private static void Table(StringBuilder html, string first, IReadOnlyList<string> headers, IReadOnlyList<SummaryRow> rows)
    {
        html.Append("<table><thead><tr><th>").Append(Encode(first)).Append("</th>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(Encode(header)).Append("</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(row.Label)).Append("</th>");
            foreach (var cell in row.Cells)
            {
                html.Append("<td class=\"n\">").Append(Encode(cell)).Append("</td>");
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
    }

    private static void Paragraph(StringBuilder html, string text) => html.Append("<p>").Append(Encode(text)).AppendLine("</p>");

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Escapes the markup characters only: the page is UTF-8, so accented text stays readable in the source.</summary>
    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
