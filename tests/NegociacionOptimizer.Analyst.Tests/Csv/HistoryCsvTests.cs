using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Domain.Behaviour;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Analyst.Tests.Csv;

public sealed class HistoryCsvTests
{
    [Fact]
    public void History_survives_a_write_and_read_round_trip_exactly()
    {
        var history = SyntheticHistory.Generate(BehaviourModel.Default, 1_000, seed: 8);
        using var writer = new StringWriter();

        HistoryCsv.Write(writer, history);

        Assert.Equal(history, HistoryCsv.Read(new StringReader(writer.ToString())));
    }

    [Fact]
    public void Non_numeric_installments_are_reported_with_line_and_column()
    {
        const string text = "burden,reason,frequency,grace_periods,installments,installments_paid,completed\n0.2,REASON_OTHER,FREQUENCY_MONTHLY,0,twelve,3,false\n";

        var e = Assert.Throws<FormatException>(() => HistoryCsv.Read(new StringReader(text)));

        Assert.Contains("line 2, column installments", e.Message, StringComparison.Ordinal);
    }
}
