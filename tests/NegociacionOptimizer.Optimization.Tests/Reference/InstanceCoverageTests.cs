using NegociacionOptimizer.Domain.Accounts;

namespace NegociacionOptimizer.Optimization.Tests.Reference;

/// <summary>The 300 reference instances cover what SPEC §6 asks for: settlements, grace, every frequency, tight and loose capacity, infeasible ones.</summary>
public sealed class InstanceCoverageTests
{
    [Fact]
    public void Generated_instances_cover_settlements_grace_frequencies_and_infeasible_cases()
    {
        var contexts = Enumerable.Range(1, 300).Select(InstanceGenerator.Create).ToArray();
        var plans = contexts.Select(ExhaustiveReference.FeasiblePlans).ToArray();

        Assert.True(plans.Count(p => p.Count == 0) >= 30, "infeasible instances");
        Assert.True(plans.Count(p => p.Any(e => e.Terms.IsSettlement)) >= 30, "instances with a feasible settlement");
        Assert.True(plans.Count(p => p.Any(e => e.Terms.GracePeriods > 0)) >= 30, "instances with feasible deferred plans");
        foreach (var f in FrequencyExtensions.All)
        {
            Assert.True(plans.Count(p => p.Any(e => !e.Terms.IsSettlement && e.Terms.Frequency == f)) >= 10, $"instances with {f} plans");
        }

        Assert.True(contexts.Count(c => c.Inquiry.StatedMonthlyCapacityMinor is not null) >= 50, "stated capacities");
        Assert.True(contexts.Count(c => c.Policy.MinInstallmentMinor > 0) >= 50, "minimum installments");
    }
}
