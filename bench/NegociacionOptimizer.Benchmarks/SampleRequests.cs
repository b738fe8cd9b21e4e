using Google.Protobuf;
using NegociacionOptimizer.Api.Mapping;
using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.Domain.Calendar;
using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Domain.Policies;

namespace NegociacionOptimizer.Benchmarks;

/// <summary>The repository's sample GenerateOffers requests as negotiations under the built-in policy.</summary>
public static class SampleRequests
{
    /// <summary>File names (without extension) of the sample requests that ask for offers.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["job-loss-small-lump-sum", "forgot-to-pay", "over-indebted-high-balance", "weekly-earner"];

    /// <summary>The negotiation of <paramref name="name"/>.</summary>
    public static NegotiationContext Load(string name)
    {
        var json = File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "requests", name + ".json"));
        var request = JsonParser.Default.Parse<GenerateOffersRequest>(json);
        var policy = PolicyDefaults.BuiltIn;
        return new NegotiationContext(
            ToDomain.Account(request.Account), ToDomain.Inquiry(request.Inquiry), policy, BusinessCalendars.Get(policy.Country));
    }

    /// <summary>The folder holding NegociacionOptimizer.sln, found upward from the running assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NegociacionOptimizer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("NegociacionOptimizer.sln not found above " + AppContext.BaseDirectory);
    }
}
