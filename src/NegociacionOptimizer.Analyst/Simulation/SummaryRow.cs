namespace NegociacionOptimizer.Analyst.Simulation;

/// <summary>One printed row: its label and one cell per policy (plus the difference when comparing two).</summary>
/// <param name="Label">What the row measures.</param>
/// <param name="Cells">The formatted values.</param>
internal sealed record SummaryRow(string Label, IReadOnlyList<string> Cells);
