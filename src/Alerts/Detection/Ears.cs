namespace Directive58.Alerts.Detection;

/// <summary>
/// CDC's EARS C1, C2 and C3, computed as <c>earsC</c> in the R package surveillance 1.20.3
/// (Debian bookworm's r-cran-surveillance; the function body is unchanged up to 1.23.1).
/// For day t with count Y(t), b = baseline days, z = qnorm(1 − α), σ = max(sd, minSigma):
/// <list type="bullet">
/// <item>C1: baseline Y(t−b)…Y(t−1); U = mean + z·σ.</item>
/// <item>C2: baseline Y(t−b−2)…Y(t−3), a 2-day guard band keeps a starting outbreak out of its
/// own baseline; U = mean + z·σ.</item>
/// <item>C3: with C2(i) = (Y(i) − mean₂(i)) / σ₂(i) and L = max(0, C2(t−2) − 1) + max(0, C2(t−1) − 1),
/// U = max(0, Y(t) + σ₂(t)·(z − L)).</item>
/// </list>
/// Alarm when Y(t) &gt; U, strictly. sd is the sample standard deviation (n − 1); minSigma is a
/// floor (R's <c>pmax(sd, minSigma)</c>), not only a stand-in for sd = 0.
/// <para>
/// Days are output only with a full baseline, as earsC's default range: from day b+1 (C1),
/// b+3 (C2), b+5 (C3, which needs C2 on the two days before). A shorter series yields no days
/// where R stops with "The vector of observed is too short!".
/// </para>
/// <para>
/// C3 as R computes it: U adds σ₂(t)·(z − L) to today's own count, not to the baseline mean,
/// so the alarm does not depend on today's exceedance: it fires iff L &gt; z and Y(t) &gt; 0.
/// In effect C3 flags the one or two days after a surge. The help page states
/// U₃ = mean₂(t) + σ₂(t)·(z − L) instead. We follow the code, which is what the reference
/// comparison (bench/detection) checks; changing it is a product decision, not a fix here.
/// </para>
/// <para>
/// minSigma defaults to 0.5 (R: 0). Per-workplace daily report counts are mostly zero, and on a
/// baseline of zeros sd = 0 turns any single report into an alarm. Burkom suggests 0.5 or 1
/// for sparse data; 0.5 sets the silent-baseline threshold at z·0.5 ≈ 1.55 for C1/C2, so one
/// report does not alarm and two on one day do, which suits an early warning. With
/// minSigma = 0, C3 divides by a zero sd like R does and may yield NaN (no alarm), where R
/// gives NA.
/// </para>
/// </summary>
public static class Ears
{
    public static IReadOnlyList<EarsResult> Run(IReadOnlyList<int> counts, EarsOptions options) =>
        Run(counts.Select(c => (double)c).ToArray(), options);

    public static IReadOnlyList<EarsResult> Run(IReadOnlyList<double> counts, EarsOptions options)
    {
        ArgumentNullException.ThrowIfNull(counts);
        options.Validate();
        var z = NormalQuantile.Of(1 - options.EffectiveAlpha);
        var results = new List<EarsResult>();
        for (var t = options.FirstMonitoredIndex; t < counts.Count; t++)
        {
            var upperBound = options.Method switch
            {
                EarsMethod.C1 => ShewhartBound(Baseline.Before(counts, t, 1, options), z),
                EarsMethod.C2 => ShewhartBound(Baseline.Before(counts, t, 3, options), z),
                _ => C3Bound(counts, t, options, z),
            };
            results.Add(new EarsResult(t, counts[t], upperBound, counts[t] > upperBound));
        }
        return results;
    }

    private static double ShewhartBound(Baseline baseline, double z) => baseline.Mean + z * baseline.Sigma;

    private static double C3Bound(IReadOnlyList<double> counts, int t, EarsOptions options, double z)
    {
        var lag2 = Math.Max(0, C2Statistic(counts, t - 2, options) - 1);
        var lag1 = Math.Max(0, C2Statistic(counts, t - 1, options) - 1);
        var today = Baseline.Before(counts, t, 3, options);
        return Math.Max(0, counts[t] + today.Sigma * (z - (lag2 + lag1)));
    }

    private static double C2Statistic(IReadOnlyList<double> counts, int i, EarsOptions options)
    {
        var baseline = Baseline.Before(counts, i, 3, options);
        return (counts[i] - baseline.Mean) / baseline.Sigma;
    }
}
