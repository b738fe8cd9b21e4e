using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Limits;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Boundary;

/// <summary>
/// <see cref="FieldLimits"/> is the one table of the numeric fields' units, ranges and defaults: every numeric input
/// field of the protos has a row, its proto comment states the row's unit, range and default, and
/// <c>policies/policy.schema.json</c> states the same range and default for every policy field.
/// </summary>
public sealed partial class FieldLimitsDocumentationTests
{
    /// <summary>The messages a caller or an analyst writes (responses carry results, not limits).</summary>
    private static readonly MessageDescriptor[] InputMessages =
    [
        Policy.Descriptor, PrincipalDiscountMatrix.Descriptor, DiscountTier.Descriptor, RateTier.Descriptor,
        BehaviourModel.Descriptor, HazardBucket.Descriptor, ReasonMultiplier.Descriptor, Challenger.Descriptor,
        Account.Descriptor, PayDay.Descriptor, Inquiry.Descriptor, GenerateOffersRequest.Descriptor,
        PolicyTightening.Descriptor, EvaluateProposalRequest.Descriptor, Proposal.Descriptor, RecordPaymentRequest.Descriptor,
    ];

    /// <summary>The messages of a policy document, described by the JSON schema.</summary>
    private static readonly MessageDescriptor[] PolicyMessages = InputMessages[..8];

    private static readonly JsonElement Schema = PolicySchema.Root;

    private static string Name(IFieldLimit row) => $"{row.Message}.{row.Field}";

    /// <summary>A documented number: "10^15" or a decimal.</summary>
    private static decimal Number(string text) =>
        text.StartsWith("10^", StringComparison.Ordinal)
            ? (decimal)Math.Pow(10, int.Parse(text[3..], CultureInfo.InvariantCulture))
            : decimal.Parse(text, CultureInfo.InvariantCulture);

    private static (decimal Min, decimal Max)? RangeIn(string text) =>
        RangePattern().Match(text) is { Success: true } m ? (Number(m.Groups["min"].Value), Number(m.Groups["max"].Value)) : null;

    private static decimal? DefaultIn(string text) =>
        DefaultPattern().Match(text) is { Success: true } m ? Number(m.Groups["value"].Value) : null;

    /// <summary>The schema object that describes <paramref name="message"/>'s fields.</summary>
    private static JsonElement SchemaProperties(string message) =>
        (message == Policy.Descriptor.Name ? Schema : Schema.GetProperty("$defs").GetProperty(message)).GetProperty("properties");

    /// <summary>The schema's numeric bounds of a property: directly, in its int64 oneOf's number branch, or in its array items.</summary>
    private static JsonElement? NumericBounds(JsonElement property)
    {
        if (property.TryGetProperty("minimum", out _))
        {
            return property;
        }

        if (property.TryGetProperty("oneOf", out var branches))
        {
            return branches.EnumerateArray().First(b => b.TryGetProperty("minimum", out _));
        }

        return property.TryGetProperty("items", out var items) && items.TryGetProperty("minimum", out _) ? items : null;
    }

    [Fact]
    public void Every_numeric_input_field_has_exactly_one_row_and_every_row_names_a_real_field()
    {
        var documented = FieldLimits.All.SelectMany(r => r.AlsoOn.Prepend(Name(r))).ToList();
        var numeric = InputMessages
            .SelectMany(m => m.Fields.InDeclarationOrder().Select(f => (Message: m.Name, Field: f)))
            .Where(f => f.Field.FieldType is FieldType.Int32 or FieldType.Int64 or FieldType.Double)
            .Select(f => $"{f.Message}.{f.Field.Name}")
            .ToList();

        Assert.Equal(documented.Count, documented.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(numeric.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_proto_comment_states_its_row_s_unit_range_and_default()
    {
        var disagreements = new List<string>();
        foreach (var row in FieldLimits.All)
        {
            foreach (var (place, isRow) in row.AlsoOn.Select(a => (a, false)).Prepend((Name(row), true)))
            {
                var at = place.Split('.');
                var comment = ProtoComments.Of(at[0], at[1]);
                if (!comment.Contains(row.Unit, StringComparison.OrdinalIgnoreCase))
                {
                    disagreements.Add($"{place}: no unit \"{row.Unit}\" in \"{comment}\"");
                }

                if (RangeIn(comment) != (row.Minimum, row.Maximum))
                {
                    disagreements.Add($"{place}: range {row.Minimum}..{row.Maximum}, comment \"{comment}\"");
                }

                if (isRow && DefaultIn(comment) != row.DefaultNumber)
                {
                    disagreements.Add($"{place}: default {row.DefaultNumber?.ToString(CultureInfo.InvariantCulture) ?? "none"}, comment \"{comment}\"");
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    [Fact]
    public void The_schema_states_every_policy_row_s_unit_range_and_default_and_no_other_range()
    {
        var policyMessages = PolicyMessages.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var rows = FieldLimits.All.Where(r => policyMessages.Contains(r.Message)).ToList();
        var disagreements = new List<string>();
        foreach (var row in rows)
        {
            var jsonName = PolicyMessages.Single(m => m.Name == row.Message).FindFieldByName(row.Field).JsonName;
            var property = SchemaProperties(row.Message).GetProperty(jsonName);
            var bounds = NumericBounds(property);
            var description = property.GetProperty("description").GetString()!;
            if (bounds is not { } b || b.GetProperty("minimum").GetDecimal() != row.Minimum || b.GetProperty("maximum").GetDecimal() != row.Maximum)
            {
                disagreements.Add($"{Name(row)}: range {row.Minimum}..{row.Maximum}, schema {property}");
            }

            if (DefaultIn(description) != row.DefaultNumber
                || (property.TryGetProperty("default", out var d) && d.GetDecimal() != row.DefaultNumber))
            {
                disagreements.Add($"{Name(row)}: default {row.DefaultNumber?.ToString(CultureInfo.InvariantCulture) ?? "none"}, schema \"{description}\"");
            }

            if (!description.Contains(row.Unit, StringComparison.OrdinalIgnoreCase))
            {
                disagreements.Add($"{Name(row)}: no unit \"{row.Unit}\" in \"{description}\"");
            }
        }

        var ranged = PolicyMessages
            .SelectMany(m => SchemaProperties(m.Name).EnumerateObject()
                .Where(p => NumericBounds(p.Value) is not null)
                .Select(p => $"{m.Name}.{m.Fields.InDeclarationOrder().Single(f => f.JsonName == p.Name).Name}"))
            .Order(StringComparer.Ordinal);

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.Equal(rows.Select(Name).Order(StringComparer.Ordinal), ranged);
    }

    public static TheoryData<string, string, int> TextFields => new()
    {
        { "GenerateOffersRequest", "request_id", FieldLimits.MaxRequestIdLength },
        { "Policy", "description", FieldLimits.MaxDescriptionLength },
        { "Account", "account_id", FieldLimits.MaxAccountIdLength },
        { "Inquiry", "notes", FieldLimits.MaxNotesLength },
        { "StreamOffersRequest", "item_id", FieldLimits.MaxItemIdLength },
    };

    [Theory]
    [MemberData(nameof(TextFields))]
    public void Every_text_field_s_proto_comment_states_its_longest_length(string message, string field, int longest) =>
        Assert.Matches($@"\b{longest} (printable )?characters", ProtoComments.Of(message, field));

    [Fact]
    public void The_schema_s_longest_description_is_the_table_s() =>
        Assert.Equal(FieldLimits.MaxDescriptionLength, Schema.GetProperty("properties").GetProperty("description").GetProperty("maxLength").GetInt32());

    [Fact]
    public void A_value_is_inside_a_row_exactly_between_its_bounds_and_never_when_not_finite()
    {
        Assert.True(FieldLimits.MaxTermMonths.Contains(FieldLimits.MaxTermMonths.Min));
        Assert.True(FieldLimits.MaxTermMonths.Contains(FieldLimits.MaxTermMonths.Max));
        Assert.False(FieldLimits.MaxTermMonths.Contains(FieldLimits.MaxTermMonths.Min - 1));
        Assert.False(FieldLimits.MaxTermMonths.Contains(FieldLimits.MaxTermMonths.Max + 1));
        Assert.False(FieldLimits.MonthlyHazard.Contains(double.NaN));
        Assert.False(FieldLimits.ReasonMultiplier.Contains(double.PositiveInfinity));
        Assert.Throws<InvalidOperationException>(() => FieldLimits.RoundingUnitMinor.DefaultValue);
    }

    [GeneratedRegex(@"(?<min>10\^\d+|\d+(?:\.\d+)?)\.\.(?<max>10\^\d+|\d+(?:\.\d+)?)")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"Default (?<value>10\^\d+|\d+(?:\.\d+)?)")]
    private static partial Regex DefaultPattern();
}
