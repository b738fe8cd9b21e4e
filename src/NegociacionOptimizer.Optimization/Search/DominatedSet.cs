using NegociacionOptimizer.Domain.Plans;
using NegociacionOptimizer.Optimization.Model;

namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// What a search knows not to be efficient: everything a known feasible plan of <see cref="Points"/> dominates, the
/// values under <see cref="Lines"/>, and every plan of <see cref="Boxes"/>. The fill leaves all of it out of its scope.
/// </summary>
internal sealed class DominatedSet
{
    private DominatedFrontier? _frontier;
    private (int Points, int Lines) _drawnFrom;

    /// <summary>Known feasible plans: nothing they dominate is efficient.</summary>
    public List<PlanEvaluation> Points { get; } = [];

    /// <summary>Regions of values under lines of feasible plans, each dominated by a plan of its line.</summary>
    public List<DominatedLine> Lines { get; } = [];

    /// <summary>Boxes of a structure's grid whose plans were each found dominated (or infeasible).</summary>
    public List<DominatedBox> Boxes { get; } = [];

    /// <summary>The exact staircases of the same lines (<see cref="Staircase"/>).</summary>
    public List<Staircase> Staircases { get; } = [];

    /// <summary>
    /// The staircases the searches' models encode: each costs a model variables and constraints, so one is encoded only
    /// once a candidate was found in one of its notches (<see cref="Encode"/>), and from then on in every model.
    /// </summary>
    public List<Staircase> Encoded { get; } = [];

    /// <summary>Adds <paramref name="plan"/>, a feasible plan, and the regions under its lines (<see cref="DominatedLine.Through"/>).</summary>
    public void AddWithLine(PlanSpace space, PlanEvaluation plan)
    {
        Points.Add(plan);
        var staircases = new List<Staircase>();
        foreach (var line in DominatedLine.Through(space, plan, staircases))
        {
            if (!Lines.Contains(line))
            {
                Lines.Add(line);
            }
        }

        Staircases.AddRange(staircases.Where(s => !Staircases.Contains(s)));
    }

    /// <summary>
    /// A staircase not yet encoded that holds <paramref name="plan"/>, now marked encoded (the caller adds it to its
    /// model); null when there is none.
    /// </summary>
    public Staircase? Encode(PlanEvaluation plan)
    {
        var found = Staircases.Find(s => !Encoded.Contains(s) && s.Contains(plan.CompanyValueMinor, plan.PersonValueMinor));
        if (found is not null)
        {
            Encoded.Add(found);
        }

        return found;
    }

    /// <summary>
    /// The frontier the set's points and lines draw (<see cref="DominatedFrontier"/>), drawn again only when either grew
    /// (both lists only ever grow): every model the fill builds reads it, and drawing it took up to a fifth of a fill.
    /// </summary>
    public DominatedFrontier Frontier()
    {
        if (_frontier is null || _drawnFrom != (Points.Count, Lines.Count))
        {
            _frontier = new(Points.Select(p => (p.CompanyValueMinor, p.PersonValueMinor)), Lines);
            _drawnFrom = (Points.Count, Lines.Count);
        }

        return _frontier;
    }

    /// <summary>Whether <paramref name="plan"/> is known not to be efficient.</summary>
    public bool Contains(PlanEvaluation plan) => Dominance.AnyDominates(Points, plan) || Lines.Any(line => line.Contains(plan)) || Boxes.Any(box => box.Contains(plan.Terms))
        || Staircases.Any(s => s.Contains(plan.CompanyValueMinor, plan.PersonValueMinor));
}
