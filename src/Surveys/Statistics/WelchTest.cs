using MathNet.Numerics.Distributions;

namespace Directive58.Surveys.Statistics;

/// <summary>
/// Welch's unequal-variances t-test between two waves: t = (m₂ − m₁) / √(s₁²/n₁ + s₂²/n₂), with the
/// Welch–Satterthwaite degrees of freedom, and the two-sided p-value from Student's t (MathNet).
/// Chosen over Mann–Whitney because it needs only each group's count, mean and variance, which
/// add up across workplaces; with 1–5 scores and groups of at least five it is the usual choice.
/// </summary>
public static class WelchTest
{
    public sealed record Result(double T, double DegreesOfFreedom, double PValue);

    /// <summary>Compares the later group with the earlier one; a negative t means the score fell. Null when a group has fewer than two values.</summary>
    public static Result? Compare(Moments earlier, Moments later)
    {
        if (earlier.N < 2 || later.N < 2) return null;
        var a = earlier.Variance / earlier.N;
        var b = later.Variance / later.N;
        var difference = later.Mean - earlier.Mean;
        if (a + b == 0)
            return difference == 0 ? new Result(0, earlier.N + later.N - 2, 1) : new Result(difference > 0 ? double.PositiveInfinity : double.NegativeInfinity, earlier.N + later.N - 2, 0);
        var t = difference / Math.Sqrt(a + b);
        var df = (a + b) * (a + b) / (a * a / (earlier.N - 1) + b * b / (later.N - 1));
        var p = 2 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        return new Result(t, df, Math.Min(1, p));
    }
}
