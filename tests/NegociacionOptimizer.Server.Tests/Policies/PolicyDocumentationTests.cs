using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Policies;

/// <summary>policy.proto's comments and the JSON schema state the defaults and ranges the code applies.</summary>
public sealed partial class PolicyDocumentationTests
{
    private static readonly JsonElement Schema = PolicySchema.Root;

    private static int[] Numbers(string list) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    [Fact]
    public void Principal_discount_default_in_the_proto_is_the_built_in_matrix()
    {
        var comment = ProtoComments.Of("Policy", "principal_discount");
        var matrix = PolicyDefaults.PrincipalDiscount;

        var buckets = DaysPastDuePattern().Match(comment);
        Assert.True(buckets.Success, comment);
        Assert.Equal(matrix.DaysPastDueFrom, Numbers(buckets.Groups[1].Value));
        var tiers = TierPattern().Matches(comment);
        Assert.Equal(
            matrix.Tiers.Select(t => (t.MaxInstallments, string.Join(",", t.PrincipalCapBp))),
            tiers.Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), string.Join(",", Numbers(m.Groups[2].Value)))));
        Assert.Equal(matrix, PolicyDefaults.ForCurrency(Domain.Money.Currency.FromCode("ARS")).PrincipalDiscount);
    }

    [Fact]
    public void Principal_discount_default_in_the_schema_is_the_built_in_matrix()
    {
        var description = Schema.GetProperty("$defs").GetProperty("PrincipalDiscountMatrix").GetProperty("description").GetString()!;
        var matrix = PolicyDefaults.PrincipalDiscount;

        var buckets = SchemaDaysPastDuePattern().Match(description);
        Assert.True(buckets.Success, description);
        Assert.Equal(matrix.DaysPastDueFrom, Numbers(buckets.Groups[1].Value));
        Assert.Equal(
            matrix.Tiers.Select(t => (t.MaxInstallments, string.Join(",", t.PrincipalCapBp))),
            SchemaTierPattern().Matches(description).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), string.Join(",", Numbers(m.Groups[2].Value)))));
    }

    [Fact]
    public void Offer_count_default_and_range_in_the_proto_are_the_code_s()
    {
        var comment = ProtoComments.Of("Policy", "offer_count");

        Assert.Contains($"1..{FieldLimits.OfferCount.Max}.", comment, StringComparison.Ordinal);
        Assert.Contains($"Default {FieldLimits.OfferCount.Default}.", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Grace_multiplier_default_and_range_in_the_proto_and_schema_are_the_code_s()
    {
        var comment = ProtoComments.Of("BehaviourModel", "grace_hazard_multiplier");
        var schema = Schema.GetProperty("$defs").GetProperty("BehaviourModel").GetProperty("properties").GetProperty("graceHazardMultiplier");

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{FieldLimits.GraceHazardMultiplier.Min}..{FieldLimits.GraceHazardMultiplier.Max}."), comment, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Default {FieldLimits.DefaultGraceHazardMultiplier:0.0} "), comment, StringComparison.Ordinal);
        Assert.Equal(FieldLimits.DefaultGraceHazardMultiplier, BehaviourModel.Default.GraceHazardMultiplier);
        Assert.Equal(FieldLimits.GraceHazardMultiplier.Min, schema.GetProperty("minimum").GetDouble());
        Assert.Equal(FieldLimits.GraceHazardMultiplier.Max, schema.GetProperty("maximum").GetDouble());
        Assert.Equal(FieldLimits.DefaultGraceHazardMultiplier, schema.GetProperty("default").GetDouble());
    }

    [Fact]
    public void Rate_tier_range_in_the_proto_and_schema_is_the_code_s()
    {
        var comment = ProtoComments.Of("RateTier", "nominal_annual_rate_bp");
        var schema = Schema.GetProperty("$defs").GetProperty("RateTier").GetProperty("properties").GetProperty("nominalAnnualRateBp");

        Assert.Contains($"0..{FieldLimits.NominalAnnualRateBp.Max} bp", comment, StringComparison.Ordinal);
        Assert.Equal(FieldLimits.NominalAnnualRateBp.Max, schema.GetProperty("maximum").GetInt32());
        Assert.Contains("interest-free", ProtoComments.Of("Policy", "nominal_annual_rate"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"days_past_due_from \[([0-9, ]+)\]")]
    private static partial Regex DaysPastDuePattern();

    [GeneratedRegex(@"max_installments (\d+): \[([0-9, ]+)\]")]
    private static partial Regex TierPattern();

    [GeneratedRegex(@"daysPastDueFrom \[([0-9, ]+)\]")]
    private static partial Regex SchemaDaysPastDuePattern();

    [GeneratedRegex(@"(\d+): \[([0-9, ]+)\]")]
    private static partial Regex SchemaTierPattern();
}
