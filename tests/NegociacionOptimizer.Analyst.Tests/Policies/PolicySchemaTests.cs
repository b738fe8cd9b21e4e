using System.Text.Json;
using Google.Protobuf.Reflection;
using NegociacionOptimizer.Api.V1;

namespace NegociacionOptimizer.Analyst.Tests.Policies;

public sealed class PolicySchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(TestFiles.Policy("policy.schema.json"))).RootElement;

    private static IEnumerable<string> PropertyNames(JsonElement objectSchema) =>
        objectSchema.GetProperty("properties").EnumerateObject().Select(p => p.Name);

    [Fact]
    public void Schema_is_draft_2020_12_and_requires_id_version_and_currency()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
        Assert.Equal(["id", "version", "currency"], Schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(Schema.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Schema_properties_are_the_policy_fields_json_names()
    {
        Assert.Equal(
            Policy.Descriptor.Fields.InDeclarationOrder().Select(f => f.JsonName),
            PropertyNames(Schema));
    }

    [Fact]
    public void Every_nested_message_definition_matches_its_proto_message()
    {
        var messages = new MessageDescriptor[]
        {
            PrincipalDiscountMatrix.Descriptor, DiscountTier.Descriptor, RateTier.Descriptor, BehaviourModel.Descriptor,
            HazardBucket.Descriptor, ReasonMultiplier.Descriptor, Challenger.Descriptor,
        };
        var definitions = Schema.GetProperty("$defs");

        foreach (var message in messages)
        {
            Assert.Equal(message.Fields.InDeclarationOrder().Select(f => f.JsonName), PropertyNames(definitions.GetProperty(message.Name)));
        }
    }

    [Fact]
    public void Enum_definitions_list_the_proto_names_except_unspecified()
    {
        var definitions = Schema.GetProperty("$defs");

        var enums = CommonReflection.Descriptor.EnumTypes.Where(e => e.Name is "Frequency" or "Reason").ToList();

        Assert.Equal(2, enums.Count);
        foreach (var e in enums)
        {
            Assert.Equal(
                e.Values.Where(v => v.Number != 0).Select(v => v.Name),
                definitions.GetProperty(e.Name).GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        }
    }

    [Fact]
    public void Every_scalar_field_has_a_description_and_every_number_a_range()
    {
        var objects = new[] { Schema }.Concat(Schema.GetProperty("$defs").EnumerateObject()
            .Select(d => d.Value).Where(d => d.TryGetProperty("properties", out _)));

        foreach (var property in objects.SelectMany(o => o.GetProperty("properties").EnumerateObject()))
        {
            if (property.Value.TryGetProperty("$ref", out _))
            {
                continue;
            }

            Assert.True(property.Value.TryGetProperty("description", out _), $"{property.Name} has no description");
            var numeric = property.Value.TryGetProperty("type", out var type) && type.GetString() is "integer" or "number";
            if (numeric)
            {
                Assert.True(property.Value.TryGetProperty("minimum", out _) && property.Value.TryGetProperty("maximum", out _), $"{property.Name} has no range");
            }
        }
    }
}
