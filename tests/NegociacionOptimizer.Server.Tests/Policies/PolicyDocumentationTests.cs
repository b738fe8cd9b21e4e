using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Policies;

/// <summary>policy.proto's comments and the JSON schema state the defaults and ranges the code applies.</summary>
public sealed partial class PolicyDocumentationTests
{
    private static readonly string Proto = File.ReadAllText(Path.Combine(Requests.RepositoryRoot, "protos", "negociacion", "v1", "policy.proto"));

    private static readonly JsonElement Schema =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Requests.RepositoryRoot, "policies", "policy.schema.json"))).RootElement;

    /// <summary>The comment lines right above the declaration of <paramref name="field"/>, joined into one text.</summary>
    private static string CommentOf(string field)
    {
        var lines = Proto.Split('\n');
        var declaration = Array.FindIndex(lines, l => Regex.IsMatch(l, $@"\s{Regex.Escape(field)} = \d+;"));
        Assert.True(declaration > 0, $"{field} is not declared in policy.proto");
        var comment = new List<string>();
        for (var i = declaration - 1; i >= 0 && lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal); i--)
        {
            comment.Insert(0, lines[i].TrimStart()[2..].Trim());
        }

        return string.Join(' ', comment);
    }

    private static int[] Numbers(string list) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    [Fact]
    public void Principal_discount_default_in_the_proto_is_the_built_in_matrix()
    {
        var comment = CommentOf("principal_discount");
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
    public void Offer_count_default_and_range_in_the_proto_are_the_code_s()
    {
        var comment = CommentOf("offer_count");

        Assert.Contains($"1..{PolicyDefaults.MaxOfferCount}.", comment, StringComparison.Ordinal);
        Assert.Contains($"Default {PolicyDefaults.OfferCount}.", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Grace_multiplier_default_and_range_in_the_proto_and_schema_are_the_code_s()
    {
        var comment = CommentOf("grace_hazard_multiplier");
        var schema = Schema.GetProperty("$defs").GetProperty("BehaviourModel").GetProperty("properties").GetProperty("graceHazardMultiplier");

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{BehaviourModel.MinMultiplier}..{BehaviourModel.MaxMultiplier}."), comment, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"Default {BehaviourModel.DefaultGraceHazardMultiplier:0.0} "), comment, StringComparison.Ordinal);
        Assert.Equal(BehaviourModel.DefaultGraceHazardMultiplier, BehaviourModel.Default.GraceHazardMultiplier);
        Assert.Equal(BehaviourModel.MinMultiplier, schema.GetProperty("minimum").GetDouble());
        Assert.Equal(BehaviourModel.MaxMultiplier, schema.GetProperty("maximum").GetDouble());
        Assert.Equal(BehaviourModel.DefaultGraceHazardMultiplier, schema.GetProperty("default").GetDouble());
    }

    [Fact]
    public void Rate_tier_range_in_the_proto_and_schema_is_the_code_s()
    {
        var comment = CommentOf("nominal_annual_rate_bp");
        var schema = Schema.GetProperty("$defs").GetProperty("RateTier").GetProperty("properties").GetProperty("nominalAnnualRateBp");

        Assert.Contains($"0..{PolicyDefaults.MaxNominalAnnualRateBp} bp", comment, StringComparison.Ordinal);
        Assert.Equal(PolicyDefaults.MaxNominalAnnualRateBp, schema.GetProperty("maximum").GetInt32());
        Assert.Contains("interest-free", CommentOf("nominal_annual_rate"), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"days_past_due_from \[([0-9, ]+)\]")]
    private static partial Regex DaysPastDuePattern();

    [GeneratedRegex(@"max_installments (\d+): \[([0-9, ]+)\]")]
    private static partial Regex TierPattern();
}
