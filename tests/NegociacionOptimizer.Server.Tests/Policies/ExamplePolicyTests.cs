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

    [Fact]
    public void Every_example_policy_file_is_a_draft_the_policy_rules_accept()
    {
        var files = Directory.GetFiles(Folder, "*.json").Where(f => PolicyFolder.IsPolicyFile(Path.GetFileName(f))).ToList();
        Assert.Equal(3, files.Count);
        foreach (var file in files)
        {
            var problems = new Api.Validation.Problems();
            var message = PolicyChecks.Parse(File.ReadAllText(file), problems);
            Assert.NotNull(message);
            var draft = Api.Mapping.ToDomain.PolicyDraft(message, PolicyDefaults.BuiltIn.Currency);
            Assert.True(Domain.Policies.Policy.TryCreate(draft, out var policy, out var violations), $"{file}: {string.Join("; ", violations)}");
            Assert.Equal(Path.GetFileNameWithoutExtension(file), policy.Id);
        }
    }
}
