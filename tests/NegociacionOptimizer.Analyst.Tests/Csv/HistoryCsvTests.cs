using NegociacionOptimizer.Analyst.Csv;
using NegociacionOptimizer.Analytics.Behaviour;
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

    [Fact]
    public void History_records_the_break_period_of_broken_plans_only()
    {
        var history = SyntheticHistory.Generate(BehaviourModel.Default, 300, seed: 9);
        using var writer = new StringWriter();

        HistoryCsv.Write(writer, history);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.EndsWith(",completed,broke_in_period", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1).Zip(history), p => Assert.EndsWith(p.Second.Completed ? ",true," : $",false,{p.Second.BrokeInPeriod}", p.First, StringComparison.Ordinal));
    }

    [Fact]
    public void Older_history_without_the_break_period_column_is_still_read()
    {
        const string text = "burden,reason,frequency,grace_periods,installments,installments_paid,completed\n" +
            "0.2,REASON_OTHER,FREQUENCY_MONTHLY,2,12,0,false\n0.2,REASON_OTHER,FREQUENCY_MONTHLY,0,12,12,true\n";

        var records = HistoryCsv.Read(new StringReader(text));

        Assert.Equal(2, records.Count);
        Assert.Null(records[0].BrokeInPeriod);
        Assert.Null(records[0].BrokeInGrace);
        Assert.True(records[1].Completed);
    }

    [Fact]
    public void Malformed_break_period_is_reported_with_line_and_column()
    {
        const string text = "burden,reason,frequency,grace_periods,installments,installments_paid,completed,broke_in_period\n" +
            "0.2,REASON_OTHER,FREQUENCY_MONTHLY,2,12,0,false,first\n";

        var e = Assert.Throws<FormatException>(() => HistoryCsv.Read(new StringReader(text)));

        Assert.Contains("line 2, column broke_in_period", e.Message, StringComparison.Ordinal);
    }
}
