using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Server.Calendars;

namespace NegociacionOptimizer.Server.Tests.Calendars;

/// <summary>Reading the operator's calendar overrides file (no server).</summary>
public sealed class CalendarOverridesFileTests
{
    [Fact]
    public void A_valid_file_gives_the_calendars_with_its_overrides()
    {
        var set = CalendarOverridesFile.Load(
            """
            { "overrides": [
              { "country": "AR", "date": "2026-07-10", "action": "add", "name": "Día no laborable con fines turísticos", "source": "Resolución 164/2025" },
              { "country": "co", "date": "2026-07-13", "action": "remove", "name": "Nuestra Señora del Rosario de Chiquinquirá", "source": "sentencia de prueba" }
            ] }
            """,
            out var problems);

        Assert.Empty(problems);
        Assert.NotNull(set);
        Assert.Equal([CalendarOverrideAction.Add, CalendarOverrideAction.Remove], set.Overrides.Select(o => o.Action));
        Assert.True(set.TryGet("AR", out var argentina));
        Assert.False(argentina.IsBusinessDay(new DateOnly(2026, 7, 10)));
        Assert.True(set.TryGet("CO", out var colombia));
        Assert.True(colombia.IsBusinessDay(new DateOnly(2026, 7, 13)));
    }

    [Fact]
    public void Every_shape_problem_is_listed_with_its_field()
    {
        var set = CalendarOverridesFile.Load(
            """
            { "overrides": [
              { "country": "AR", "date": "10/07/2026", "action": "move", "name": "x", "source": "y", "note": "z" },
              { "country": "AR", "action": "add", "name": 3, "source": "y" },
              "2026-12-07"
            ], "version": 2 }
            """,
            out var problems);

        Assert.Null(set);
        Assert.Equal(
            [
                "version: unknown field",
                "overrides[0].note: unknown field (expected country, date, action, name, source)",
                "overrides[0].date: must be a date YYYY-MM-DD; got \"10/07/2026\"",
                "overrides[0].action: must be \"add\" or \"remove\"; got \"move\"",
                "overrides[1].date: is required",
                "overrides[1].name: must be a string",
                "overrides[2]: must be an object",
            ],
            problems);
    }

    [Theory]
    [InlineData("{ \"overrides\": [ ", "(document): is not valid JSON")]
    [InlineData("[]", "(document): must be an object with an \"overrides\" array")]
    [InlineData("{ }", "overrides: is required and must be an array")]
    public void A_file_that_is_not_an_overrides_document_is_one_problem(string json, string expected)
    {
        Assert.Null(CalendarOverridesFile.Load(json, out var problems));
        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }
}
