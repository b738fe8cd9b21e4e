using NegociacionOptimizer.Api.V1;
using NegociacionOptimizer.SampleClient;

namespace NegociacionOptimizer.Security.Tests.Support;

/// <summary>Requests for tests: the sample files of the repository.</summary>
public static class Requests
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static GenerateOffersRequest Generate(string name = "forgot-to-pay.json") =>
        OfferClient.ReadJson<GenerateOffersRequest>(Path.Combine(RepositoryRoot, "samples", "requests", name));

    public static EvaluateProposalRequest Proposal(string name = "proposal-acceptable.json") =>
        OfferClient.ReadJson<EvaluateProposalRequest>(Path.Combine(RepositoryRoot, "samples", "requests", name));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NegociacionOptimizer.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
