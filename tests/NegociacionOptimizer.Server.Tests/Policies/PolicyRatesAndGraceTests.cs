using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Money;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Services;
using NegociacionOptimizer.Server.Tests.Support;
using D = NegociacionOptimizer.Domain;

namespace NegociacionOptimizer.Server.Tests.Policies;

/// <summary>Rate tiers (none = interest-free, TNA within its documented range) and the grace multiplier m_g, end to end.</summary>
public sealed class PolicyRatesAndGraceTests : IDisposable
{
    private readonly TempPolicyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private PolicyStore Open() => new(new PolicyFolder(_folder.Path), new ListLogger<PolicyStore>());

    private static ValidatePolicyResponse Validate(PolicyStore store, Api.V1.Policy policy) =>
        PolicyGrpcService.Validate(new ValidatePolicyRequest { PolicyJson = TempPolicyFolder.Json(policy) }, store);

    private static Api.V1.Policy WithoutRateTiers(string id)
    {
        var policy = TempPolicyFolder.Policy(id);
        policy.NominalAnnualRate.Clear();
        return policy;
    }

    [Fact]
    public void An_inline_policy_without_rate_tiers_is_interest_free()
    {
        var policy = ToDomain.Policy(new Api.V1.Policy { MaxTermMonths = 24 }, Currency.FromCode("ARS"));

        Assert.Empty(policy.NominalAnnualRate);
        Assert.All(D.Accounts.FrequencyExtensions.All, f => Assert.Equal(0, policy.NominalRateBp(f, 12)));
        Assert.Empty(PolicyToProto.Map(policy).NominalAnnualRate);
    }

    [Fact]
    public async Task A_named_policy_without_rate_tiers_is_interest_free_in_GetPolicy_and_ValidatePolicy()
    {
        _folder.Write(WithoutRateTiers("co-free"));
        using var store = Open();

        var got = await new PolicyGrpcService(store).GetPolicy(new GetPolicyRequest { PolicyId = "co-free" }, null!);
        var validated = Validate(store, WithoutRateTiers("co-free"));

        Assert.Empty(store.Rejected);
        Assert.Empty(got.Policy.NominalAnnualRate);
        Assert.True(store.TryGet("co-free", out var stored));
        Assert.Equal(0, stored.Policy.NominalRateBp(D.Accounts.Frequency.Monthly, 36));
        Assert.True(validated.Valid, string.Join("; ", validated.Problems));
        Assert.Empty(validated.Normalized.NominalAnnualRate);
    }

    [Fact]
    public async Task The_built_in_policy_keeps_its_explicit_rate_tiers()
    {
        using var store = Open();

        var got = await new PolicyGrpcService(store).GetPolicy(new GetPolicyRequest { PolicyId = "default" }, null!);

        Assert.Equal([(12, 1_800), (120, 2_000)], got.Policy.NominalAnnualRate.Select(t => (t.UpToMonths, t.NominalAnnualRateBp)));
    }

    [Theory]
    [InlineData(20_001)]
    [InlineData(50_000)]
    [InlineData(100_000)]
    public void A_TNA_tier_above_20000_bp_is_listed_by_ValidatePolicy(int tnaBp)
    {
        using var store = Open();
        var policy = TempPolicyFolder.Policy("co-high");
        policy.NominalAnnualRate[1].NominalAnnualRateBp = tnaBp;

        var response = Validate(store, policy);

        Assert.False(response.Valid);
        var problem = Assert.Single(response.Problems);
        Assert.Equal("nominal_annual_rate[1].nominal_annual_rate_bp", problem.Field);
        Assert.Contains("between 0 and 20000", problem.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_TNA_tier_of_exactly_20000_bp_is_valid()
    {
        using var store = Open();
        var policy = TempPolicyFolder.Policy("co-top");
        policy.NominalAnnualRate[1].NominalAnnualRateBp = D.Limits.FieldLimits.NominalAnnualRateBp.Max;

        Assert.True(Validate(store, policy).Valid);
    }

    [Fact]
    public void A_named_policy_file_with_a_TNA_of_50000_bp_is_rejected_at_load()
    {
        var policy = TempPolicyFolder.Policy("co-usury");
        policy.NominalAnnualRate[0].NominalAnnualRateBp = 50_000;
        _folder.Write(policy);

        using var store = Open();

        Assert.False(store.TryGet("co-usury", out _));
        Assert.Equal("nominal_annual_rate[0].nominal_annual_rate_bp", Assert.Single(store.Rejected["co-usury.json"]).Field);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.009)]
    [InlineData(20.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_grace_multiplier_outside_its_range_is_listed_by_ValidatePolicy(double multiplier)
    {
        using var store = Open();
        var policy = TempPolicyFolder.Policy("co-grace");
        policy.Behaviour.GraceHazardMultiplier = multiplier;

        var response = Validate(store, policy);

        Assert.False(response.Valid);
        var problem = Assert.Single(response.Problems);
        Assert.Equal("behaviour.grace_hazard_multiplier", problem.Field);
        Assert.Contains("between 0.01 and 20", problem.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(2.5)]
    [InlineData(20.0)]
    public void A_grace_multiplier_in_range_reaches_the_domain_and_comes_back_in_GetPolicy(double multiplier)
    {
        var policy = TempPolicyFolder.Policy("co-grace");
        policy.Behaviour.GraceHazardMultiplier = multiplier;
        _folder.Write(policy);

        using var store = Open();

        Assert.True(store.TryGet("co-grace", out var stored));
        Assert.Equal(multiplier, stored.Policy.Behaviour.GraceHazardMultiplier);
        Assert.Equal(multiplier, PolicyToProto.Map(stored.Policy).Behaviour.GraceHazardMultiplier);
    }

    [Fact]
    public void An_unset_grace_multiplier_defaults_to_one_and_is_made_explicit()
    {
        var behaviour = new BehaviourModel();
        behaviour.ReasonMultipliers.Add(new ReasonMultiplier { Reason = Reason.Forgot, Multiplier = 0.5 });

        var policy = ToDomain.Policy(new Api.V1.Policy { Behaviour = behaviour }, Currency.FromCode("COP"));
        var message = PolicyToProto.Map(policy);

        Assert.Equal(1.0, policy.Behaviour.GraceHazardMultiplier);
        Assert.True(message.Behaviour.HasGraceHazardMultiplier);
        Assert.Equal(1.0, message.Behaviour.GraceHazardMultiplier);
        Assert.Equal(1.0, ToDomain.Policy(new Api.V1.Policy(), Currency.FromCode("COP")).Behaviour.GraceHazardMultiplier);
    }

    [Fact]
    public void An_inline_request_policy_with_a_bad_grace_multiplier_names_the_field()
    {
        var request = Requests.Valid();
        request.Policy = new Api.V1.Policy { Behaviour = new BehaviourModel { GraceHazardMultiplier = 25 } };

        var problems = new Api.Validation.RequestValidator(new PolicyStore()).Validate(request);

        Assert.Contains(problems, p => p.Field == "policy.behaviour.grace_hazard_multiplier");
    }
}
