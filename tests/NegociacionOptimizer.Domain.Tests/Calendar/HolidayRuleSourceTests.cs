using NegociacionOptimizer.Domain.Calendar;

namespace NegociacionOptimizer.Domain.Tests.Calendar;

/// <summary>Every holiday rule names its legal source and the years it applies, and the rules are what the calendars use.</summary>
public class HolidayRuleSourceTests
{
    public static TheoryData<string> Countries => [.. BusinessCalendars.SupportedCountries];

    [Theory]
    [MemberData(nameof(Countries))]
    public void Every_rule_has_a_name_a_source_and_a_valid_range_of_years(string country)
    {
        var rules = BusinessCalendars.Rules(country);

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Name));
            Assert.Matches("(Ley|Decreto|U\\.S\\.C\\.|Real Decreto|Estatuto|Federal del Trabajo)", rule.Source);
            Assert.InRange(rule.ValidFrom, BusinessCalendars.MinYear, BusinessCalendars.MaxYear);
            Assert.True(rule.ValidTo is null || rule.ValidTo >= rule.ValidFrom, $"{rule.Name}: {rule.ValidFrom}–{rule.ValidTo}");
        });
    }

    [Theory]
    [MemberData(nameof(Countries))]
    public void Versions_of_one_holiday_never_overlap_in_years(string country)
    {
        foreach (var versions in BusinessCalendars.Rules(country).GroupBy(r => (r.Name, r.Source)).Select(g => g.ToList()).Where(v => v.Count > 1))
        {
            Assert.Fail($"{country}: {versions[0].Name} is listed twice with the same source");
        }

        foreach (var versions in BusinessCalendars.Rules(country).GroupBy(r => r.Name).Select(g => g.OrderBy(r => r.ValidFrom).ToList()))
        {
            for (var i = 1; i < versions.Count; i++)
            {
                Assert.True(versions[i - 1].ValidTo is { } to && to < versions[i].ValidFrom, $"{country}: versions of {versions[i].Name} overlap");
            }
        }
    }

    [Fact]
    public void A_law_that_changed_a_holiday_gives_one_rule_per_version() =>
        Assert.Equal(
            [(2000, (int?)2010, "Ley 23.555"), (2011, 2017, "Decreto 1584/2010"), (2018, null, "Ley 27.399")],
            BusinessCalendars.Rules("AR").Where(r => r.Name == "Paso a la Inmortalidad del General San Martín")
                .Select(r => (r.ValidFrom, r.ValidTo, r.Source[..r.Source.IndexOf(',', StringComparison.Ordinal)])));

    [Fact]
    public void Colombias_new_holiday_cites_Ley_2578_de_2026_from_2026()
    {
        var rule = Assert.Single(BusinessCalendars.Rules("CO"), r => r.Name == "Nuestra Señora del Rosario de Chiquinquirá");
        Assert.StartsWith("Ley 2578 de 2026", rule.Source, StringComparison.Ordinal);
        Assert.Equal(2026, rule.ValidFrom);
        Assert.Null(rule.ValidTo);
    }
}
