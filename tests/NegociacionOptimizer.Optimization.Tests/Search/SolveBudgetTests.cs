using Google.OrTools.Sat;
using Google.Protobuf;
using NegociacionOptimizer.Optimization.Search;

namespace NegociacionOptimizer.Optimization.Tests.Search;

/// <summary>How one CP-SAT solve is run: deterministic, and not stalled by the single worker's heavy tail.</summary>
public class SolveBudgetTests
{
    /// <summary>
    /// A class search's model from a random valid request (an interest-bearing co-tarjetas-like structure on a large
    /// balance) on which CP-SAT's default single-worker branching took 20 s to prove the optimum that quick restarts
    /// prove in milliseconds.
    /// </summary>
    private static CpModel StallingModel() => Load("stalling-class-search.json");

    /// <summary>A fill search's model from a random valid request (its staircase of dominators and boxes included).</summary>
    private static CpModel FillSearchModel() => Load("fill-search.json");

    private static CpModel Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Search", "Models", name);
        var model = new CpModel();
        model.Model.MergeFrom(JsonParser.Default.Parse<CpModelProto>(File.ReadAllText(path)));
        return model;
    }

    [Fact]
    public void A_model_that_stalls_the_default_branching_is_proven_by_the_first_attempt()
    {
        var budget = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None);

        var (status, solver) = budget.Solve(StallingModel());

        Assert.Equal(CpSolverStatus.Optimal, status);
        Assert.Equal(solver.BestObjectiveBound, solver.ObjectiveValue);
        Assert.Equal(1, budget.Calls);
        Assert.False(budget.WasCut);
    }

    [Fact]
    public void A_solve_the_first_attempt_does_not_finish_is_proven_by_the_second_strategy()
    {
        var first = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None);
        var restarted = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None, firstAttemptEffort: 1e-4);

        var (status, solver) = restarted.Solve(FillSearchModel());

        Assert.Equal(CpSolverStatus.Optimal, status);
        Assert.Equal(solver.BestObjectiveBound, solver.ObjectiveValue);
        Assert.Equal(2, restarted.Calls);
        Assert.False(restarted.WasCut);
        Assert.Equal(first.Solve(FillSearchModel()).Solver.ObjectiveValue, solver.ObjectiveValue);
    }

    [Fact]
    public void A_loop_solve_takes_the_first_plan_it_finds_and_is_not_cut()
    {
        var proving = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None);
        var looping = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None);

        var proof = proving.Solve(FillSearchModel()).Solver;
        var (status, solver) = looping.Solve(FillSearchModel(), anySolution: true);

        Assert.True(status is CpSolverStatus.Feasible or CpSolverStatus.Optimal, $"status {status}");
        Assert.True(solver.ObjectiveValue <= proof.ObjectiveValue);
        Assert.Equal(1, looping.Calls);
        Assert.False(looping.WasCut);
        Assert.True(solver.NumBranches() < proof.NumBranches(), $"{solver.NumBranches()} branches to a first plan, {proof.NumBranches()} to the proof");
    }

    [Fact]
    public void The_same_model_gets_the_same_answer_every_time()
    {
        var first = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None).Solve(StallingModel()).Solver;
        var second = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None).Solve(StallingModel()).Solver;

        Assert.Equal(first.ObjectiveValue, second.ObjectiveValue);
        Assert.Equal(first.Response!.Solution, second.Response!.Solution);
    }

    [Fact]
    public void A_solve_capped_by_its_own_effort_is_not_a_cut_and_is_not_repeated()
    {
        var budget = new SolveBudget(TimeSpan.FromMinutes(2), CancellationToken.None);

        var (status, _) = budget.Solve(FillSearchModel(), effort: 1e-4);

        Assert.NotEqual(CpSolverStatus.Optimal, status);
        Assert.Equal(1, budget.Calls);
        Assert.False(budget.WasCut);
    }
}
