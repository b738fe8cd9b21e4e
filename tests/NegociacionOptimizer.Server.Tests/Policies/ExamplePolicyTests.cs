using Microsoft.Extensions.Logging.Abstractions;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Policies;
using NegociacionOptimizer.Server.Policies;
using NegociacionOptimizer.Server.Services;
using NegociacionOptimizer.Server.Tests.Support;

namespace NegociacionOptimizer.Server.Tests.Policies;

public class ExamplePolicyTests
{
    private static string Folder => Path.Combine(Requests.RepositoryRoot, "policies");

    [Fact]
    public void Every_example_policy_loads_without_a_problem()
    {
        using var store = new PolicyStore(new PolicyFolder(Folder), NullLogger<PolicyStore>.Instance);

        Assert.Empty(store.Rejected);
        Assert.Equal(["ar-consumo", "co-tarjetas", "default"], store.All().Select(p => p.Policy.Id));
        Assert.All(store.All(), p => Assert.Equal(p.Policy.Id + ".json", p.Source));
    }

    [Fact]
    public void Every_example_policy_validates_as_the_server_holds_it()
    {
        using var store = new PolicyStore(new PolicyFolder(Folder), NullLogger<PolicyStore>.Instance);
        foreach (var file in Directory.GetFiles(Folder, "*.json").Where(f => PolicyFolder.IsPolicyFile(Path.GetFileName(f))))
        {
            var response = PolicyGrpcService.Validate(new ValidatePolicyRequest { PolicyJson = File.ReadAllText(file) }, store);
            Assert.True(response.Valid, $"{file}: {string.Join("; ", response.Problems)}");
            Assert.Equal(Path.GetFileNameWithoutExtension(file), response.Normalized.Id);
        }
    }

    [Fact]
    public void The_default_example_is_the_built_in_policy_written_out()
    {
        using var store = new PolicyStore(new PolicyFolder(Folder), NullLogger<PolicyStore>.Instance);
        Assert.True(store.TryGet("default", out var fromFile));
        Assert.Equal(
            Api.Mapping.PolicyToProto.Map(PolicyDefaults.BuiltIn),
            Api.Mapping.PolicyToProto.Map(fromFile.Policy));
    }
}
