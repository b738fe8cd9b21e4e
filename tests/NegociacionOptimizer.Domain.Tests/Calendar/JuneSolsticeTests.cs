using System.Globalization;
using NegociacionOptimizer.Domain.Calendar;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

public class JuneSolsticeTests
{
    [Theory]
    [InlineData(2021, "2021-06-21T03:32:00Z")]
    [InlineData(2024, "2024-06-20T20:51:00Z")]
    [InlineData(2025, "2025-06-21T02:42:00Z")]
    [InlineData(2026, "2026-06-21T08:24:00Z")]
    public void Solstice_instant_is_within_two_minutes_of_published_times(int year, string published)
    {
        var expected = DateTime.Parse(published, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.InRange(JuneSolstice.Utc(year), expected.AddMinutes(-2), expected.AddMinutes(2));
    }
}
