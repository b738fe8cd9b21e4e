using NegociacionOptimizer.Analyst.Policies;
using NegociacionOptimizer.Api.V1;
using Policy = NegociacionOptimizer.Api.V1.Policy;
using PolicyDefaults = NegociacionOptimizer.Domain.Policies.PolicyDefaults;

namespace NegociacionOptimizer.Analyst.Tests.Policies;

public sealed class PolicyFileTests
{
    public static TheoryData<string> PolicyFiles => new() { "default.json", "co-tarjetas.json", "ar-consumo.json" };

    private static Policy Read(string file) => Analyst.Policies.PolicyFiles.Read(TestFiles.Policy(file));

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Policy_file_parses_as_a_policy_named_like_the_file(string file)
    {
        var policy = Read(file);

        Assert.Equal(Path.GetFileNameWithoutExtension(file), policy.Id);
        Assert.True(policy.Version >= 1);
        Assert.True(Domain.Money.Currency.TryFromCode(policy.Currency, out _));
        Assert.NotEmpty(policy.Description);
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Policy_file_sets_every_field_explicitly(string file)
    {
        var policy = Read(file);

        foreach (var field in Policy.Descriptor.Fields.InDeclarationOrder())
        {
            var set = field.HasPresence ? field.Accessor.HasValue(policy) : field.Accessor.GetValue(policy) is not null;
            Assert.True(set, $"{file}: {field.JsonName} is not set");
        }

        Assert.NotEmpty(policy.AllowedFrequencies);
        Assert.NotEmpty(policy.NominalAnnualRate);
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Principal_discount_matrix_has_one_cap_per_bucket_falling_with_term_and_rising_with_age(string file)
    {
        var matrix = Read(file).PrincipalDiscount;

        Assert.Equal(0, matrix.DaysPastDueFrom[0]);
        Assert.True(matrix.DaysPastDueFrom.Zip(matrix.DaysPastDueFrom.Skip(1)).All(p => p.First < p.Second));
        Assert.True(matrix.Tiers.Zip(matrix.Tiers.Skip(1)).All(p => p.First.MaxInstallments < p.Second.MaxInstallments));
        Assert.All(matrix.Tiers, t =>
        {
            Assert.Equal(matrix.DaysPastDueFrom.Count, t.PrincipalCapBp.Count);
            Assert.True(t.PrincipalCapBp.Zip(t.PrincipalCapBp.Skip(1)).All(p => p.First <= p.Second));
        });
        for (var column = 0; column < matrix.DaysPastDueFrom.Count; column++)
        {
            var caps = matrix.Tiers.Select(t => t.PrincipalCapBp[column]).ToList();
            Assert.True(caps.Zip(caps.Skip(1)).All(p => p.First >= p.Second));
        }
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Every_rate_tier_compounds_to_less_than_the_usury_cap_at_every_allowed_frequency(string file)
    {
        var policy = Read(file);

        foreach (var frequency in policy.AllowedFrequencies.Select(f => (int)Api.Mapping.ToDomain.Frequency(f)!.Value))
        {
            foreach (var tier in policy.NominalAnnualRate)
            {
                var p = frequency;
                var effective = Math.Pow(1 + tier.NominalAnnualRateBp / 10_000.0 / p, p) - 1;
                Assert.True(effective * 10_000 < policy.MaxEffectiveAnnualRateBp, $"{file}: TNA {tier.NominalAnnualRateBp} bp at {frequency}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Behaviour_model_maps_to_the_domain(string file)
    {
        var model = Analyst.Policies.PolicyFiles.ToDomainPolicy(Read(file)).Behaviour;

        Assert.Equal(6, model.Buckets.Count);
        Assert.Equal(1.0, model.Multiplier(Domain.Accounts.Reason.Other));
    }

    [Fact]
    public void Default_policy_file_is_the_built_in_policy()
    {
        Assert.Equal(Api.Mapping.PolicyToProto.Map(PolicyDefaults.BuiltIn), Api.Mapping.PolicyToProto.Map(Analyst.Policies.PolicyFiles.ToDomainPolicy(Read("default.json"))));
    }

    [Fact]
    public void Colombian_card_policy_is_in_pesos_under_the_usury_cap_with_full_interest_discount()
    {
        var policy = Read("co-tarjetas.json");

        Assert.Equal(("COP", "CO", 2552), (policy.Currency, policy.Country, policy.MaxEffectiveAnnualRateBp));
        Assert.Equal([Frequency.Monthly, Frequency.Biweekly], policy.AllowedFrequencies);
        Assert.Equal(10_000, policy.MaxDiscountInterestBp);
        Assert.True(policy.NominalAnnualRate.Max(t => t.NominalAnnualRateBp) >= 2_200, "the top tier stays close to the cap");
    }

    [Fact]
    public void Argentine_consumer_policy_follows_the_term_by_age_discount_matrix_with_high_nominal_rates()
    {
        var policy = Read("ar-consumo.json");
        var settlement = policy.PrincipalDiscount.Tiers[0];

        Assert.Equal(("ARS", "AR", 1_000), (policy.Currency, policy.Country, policy.MinDownPaymentBp));
        Assert.Equal(0, settlement.MaxInstallments);
        Assert.Equal([0, 91, 121, 151], policy.PrincipalDiscount.DaysPastDueFrom);
        Assert.Equal([0, 2_500, 4_000, 5_000], settlement.PrincipalCapBp);
        Assert.All(policy.NominalAnnualRate, t => Assert.InRange(t.NominalAnnualRateBp, 7_000, 9_000));
    }
}
