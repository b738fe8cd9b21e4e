using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// The time budget of one request's search, shared by all its CP-SAT solves. Each solve runs on one worker with a
/// fixed seed (deterministic) and gets the time that is left; cancellation stops a running solve at once.
/// </summary>
internal sealed class SolveBudget
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _limit;
    private readonly CancellationToken _cancellation;
    private readonly double _firstAttemptEffort;

    /// <param name="limit">The request's time limit.</param>
    /// <param name="cancellation">The call's cancellation.</param>
    /// <param name="firstAttemptEffort">
    /// The deterministic effort after which a solve starts again with the other strategy; null for the engine's
    /// (<see cref="FirstAttemptEffort"/>). Tests lower it to make a solve take the second strategy.
    /// </param>
    public SolveBudget(TimeSpan limit, CancellationToken cancellation, double? firstAttemptEffort = null)
    {
        _limit = limit;
        _cancellation = cancellation;
        _firstAttemptEffort = firstAttemptEffort ?? FirstAttemptEffort;
    }

    /// <summary>CP-SAT solves made.</summary>
    public int Calls { get; private set; }

    /// <summary>True once a solve was cut by the time limit or cancellation (its answer is then not proven).</summary>
    public bool WasCut { get; private set; }

    /// <summary>Wall time so far.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>True when no time is left or the call was cancelled.</summary>
    public bool IsSpent => _cancellation.IsCancellationRequested || _clock.Elapsed >= _limit;

    /// <summary>Solves <paramref name="model"/>; UNKNOWN without solving when the budget is spent.</summary>
    /// <param name="model">The model.</param>
    /// <param name="effort">
    /// Optional cap in CP-SAT's deterministic time (reproducible, unlike the clock) for a solve whose optimum is only
    /// nice to have: stopping there is not a cut, so the answer stays proven and the same run after run.
    /// </param>
    /// <param name="anySolution">
    /// The objective only steers toward good plans and any plan of the model will do (a search loop that evaluates it
    /// exactly and solves again): stop at the first one found instead of proving it the best. Proving the optimum of a
    /// model whose plans lie in thin slivers took 200–500 ms where the first plan took 10 ms.
    /// </param>
    /// <param name="basicRelaxation">
    /// Linearize only the model's linear constraints (CP-SAT's level 1) instead of also its enforced ones: the
    /// diagnosis's models (hundreds of structures, each enforcing its own rules) prove infeasible 1.4–15× faster so.
    /// </param>
    public (CpSolverStatus Status, CpSolver Solver) Solve(CpModel model, double? effort = null, bool anySolution = false, bool basicRelaxation = false)
    {
        // A search with one worker has a heavy tail: now and then a small model takes seconds (20 s seen on a 20-variable
        // model with the default branching). Quick restarts without cutting planes prove such models in milliseconds and
        // are the cheaper strategy on the common solve too; a solve they do not finish within a deterministic effort
        // (reproducible, unlike the clock) starts again with the default branching and cuts (docs/ENGINE.md).
        var options = (basicRelaxation ? BasicRelaxation : FullRelaxation) + (anySolution ? StopAtFirst : string.Empty);
        var first = Attempt(model, effort ?? _firstAttemptEffort, Parameters + FirstStrategy + options);
        if (effort is not null || !Unfinished(model, first.Status, anySolution) || IsSpent)
        {
            return Finish(model, first, effort, anySolution);
        }

        return Finish(model, Attempt(model, null, Parameters + options), effort, anySolution);
    }

    // One worker and a fixed seed make solves deterministic. The models are small and built already reduced, so presolve
    // costs more than it saves; the richer LP relaxation (level 2) shortens the proofs. Measured on the reference
    // instances: 830 ms → 190 ms a request on average, same answers.
    private const string Parameters = "num_workers:1,random_seed:17,cp_model_presolve:false";

    /// <summary>
    /// The first attempt's strategy: CP-SAT's portfolio of quick restarts, with no cutting planes in the relaxation (the
    /// tail's slow solves re-solved cut-heavy LPs at every node). 0.73–0.75× the CPU of the default branching on the
    /// random-request benchmark, same solves.
    /// </summary>
    private const string FirstStrategy = ",search_branching:PORTFOLIO_WITH_QUICK_RESTART_SEARCH,cut_level:0";

    private const string StopAtFirst = ",stop_after_first_solution:true";

    private const string FullRelaxation = ",linearization_level:2";

    private const string BasicRelaxation = ",linearization_level:1";

    /// <summary>CP-SAT's deterministic time after which a solve starts again with the other strategy.</summary>
    private const double FirstAttemptEffort = 0.5;

    private static bool Unfinished(CpModel model, CpSolverStatus status, bool anySolution) =>
        status == CpSolverStatus.Unknown || (status == CpSolverStatus.Feasible && model.Model.Objective is not null && !anySolution);

    private (CpSolverStatus Status, CpSolver Solver) Attempt(CpModel model, double? effort, string parameters)
    {
        var solver = new CpSolver();
        var remaining = (_limit - _clock.Elapsed).TotalSeconds;
        if (remaining <= 0 || _cancellation.IsCancellationRequested)
        {
            return (CpSolverStatus.Unknown, solver);
        }

        solver.StringParameters = string.Create(CultureInfo.InvariantCulture,
            $"{parameters},max_time_in_seconds:{remaining:0.###}{(effort is { } e ? $",max_deterministic_time:{e:0.###}" : string.Empty)}");
        using var registration = _cancellation.Register(solver.StopSearch);
        var status = solver.Solve(model);
        Calls++;
        if (status == CpSolverStatus.ModelInvalid)
        {
            throw new InvalidOperationException($"Invalid CP-SAT model: {model.Validate()}");
        }

        return (status, solver);
    }

    private (CpSolverStatus Status, CpSolver Solver) Finish(CpModel model, (CpSolverStatus Status, CpSolver Solver) result, double? effort, bool anySolution)
    {
        if (Unfinished(model, result.Status, anySolution) && (effort is null || IsSpent))
        {
            WasCut = true;
        }

        return result;
    }
}
