namespace NegociacionOptimizer.Optimization.Search;

/// <summary>
/// Consecutive feasible plans of one line of a structure's grid, as the exact staircase of values they dominate: plan k
/// (k = 0..<see cref="Last"/>) has values at least (<see cref="Company"/> + k·<see cref="CompanyStep"/>,
/// <see cref="Person"/> − k·<see cref="PersonStep"/>), both steps positive. A plan whose values lie under one of these
/// corners is dominated. A <see cref="DominatedLine"/> region only reaches under the staircase's inner corners: a
/// neighbouring structure's plans, nearly parallel, sit in the notches between them, one candidate per notch (a fill
/// was seen to take 40 candidates, 5–10 solves each, along one line); the staircase closes every notch at once.
/// </summary>
/// <param name="Company">U_c of corner 0, minor units (already lowered by the fit's error).</param>
/// <param name="Person">U_d of corner 0, minor units (already lowered by the fit's error).</param>
/// <param name="CompanyStep">How much U_c rises per plan, minor units.</param>
/// <param name="PersonStep">How much U_d falls per plan, minor units.</param>
/// <param name="Last">The last corner's index.</param>
internal sealed record Staircase(double Company, double Person, double CompanyStep, double PersonStep, int Last)
{
    /// <summary>Minor units kept between the corners and the plans, against float noise in the values.</summary>
    private const double Slack = 1.0;

    /// <summary>The largest fit error accepted, as a share of a step: a corner may sink at most this far into its notch.</summary>
    private const double MaxErrorShare = 0.25;

    /// <summary>How many times a run of plans is halved at most to find affine parts (so at most 2^4 staircases).</summary>
    private const int MaxSplits = 4;

    /// <summary>
    /// The staircase of <paramref name="steps"/> + 1 plans, equally spaced, from <paramref name="bottom"/> (the lowest
    /// U_c) to <paramref name="top"/>.
    /// </summary>
    public static Staircase Between((double Company, double Person) bottom, (double Company, double Person) top, long steps) =>
        new(bottom.Company - Slack, bottom.Person - Slack, (top.Company - bottom.Company) / steps, (bottom.Person - top.Person) / steps, (int)steps);

    /// <summary>Whether the values (U_c, U_d), minor units, lie under a corner (so a feasible plan dominates them).</summary>
    public bool Contains(double company, double person)
    {
        // The first corner at or right of U_c, its index corrected for the division's rounding either way.
        var k = company <= Company ? 0 : (long)Math.Ceiling((company - Company) / CompanyStep);
        if (company > Company + (k * CompanyStep))
        {
            k++;
        }
        else if (k > 0 && company <= Company + ((k - 1) * CompanyStep))
        {
            k--;
        }

        return k <= Last && person <= Person - (k * PersonStep);
    }

    /// <summary>
    /// The staircases of a run of feasible plans of one line, in grid order: an affine fit through each part's ends,
    /// lowered by its largest error so every corner lies under a plan; a part whose error exceeds a quarter step is
    /// halved. Parts where U_c and U_d do not move in opposite directions (no staircase) give none.
    /// </summary>
    public static IEnumerable<Staircase> Fit(IReadOnlyList<(double Company, double Person)> run) => Fit(run, 0, run.Count - 1, MaxSplits);

    private static IEnumerable<Staircase> Fit(IReadOnlyList<(double Company, double Person)> run, int first, int last, int splits)
    {
        if (last - first < 2)
        {
            return [];
        }

        // Oriented so U_c rises with the index.
        var rising = run[last].Company > run[first].Company;
        var (start, end) = rising ? (first, last) : (last, first);
        var count = last - first;
        var companyStep = (run[end].Company - run[start].Company) / count;
        var personStep = (run[start].Person - run[end].Person) / count;
        var (companyError, personError) = (0.0, 0.0);
        for (var k = 0; k <= count; k++)
        {
            var (company, person) = run[rising ? first + k : last - k];
            companyError = Math.Max(companyError, run[start].Company + (k * companyStep) - company);
            personError = Math.Max(personError, run[start].Person - (k * personStep) - person);
        }

        if (companyStep > 0 && personStep > 0
            && companyError <= MaxErrorShare * companyStep && personError <= MaxErrorShare * personStep)
        {
            return [new Staircase(run[start].Company - companyError - Slack, run[start].Person - personError - Slack, companyStep, personStep, count)];
        }

        if (splits == 0 || count < 8)
        {
            return [];
        }

        var middle = (first + last) / 2;
        return Fit(run, first, middle, splits - 1).Concat(Fit(run, middle, last, splits - 1));
    }
}
