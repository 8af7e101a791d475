namespace Directive58.Alerts.Detection;

/// <summary>Mean and floored sample standard deviation of the EARS baseline window before a day.</summary>
internal readonly record struct Baseline(double Mean, double Sigma)
{
    /// <summary>
    /// The <c>options.Baseline</c> days ending <paramref name="lag"/> days before day
    /// <paramref name="t"/>: lag 1 is C1's window, lag 3 is C2's (two guard days skipped).
    /// </summary>
    public static Baseline Before(IReadOnlyList<double> counts, int t, int lag, EarsOptions options)
    {
        var n = options.Baseline;
        var start = t - lag - n + 1;
        if (start < 0)
            throw new ArgumentOutOfRangeException(nameof(t), t, "Day has no full baseline.");

        // Two passes, as R's mean/sd: the one-pass sum-of-squares formula loses digits on large counts.
        var sum = 0.0;
        for (var i = start; i < start + n; i++)
            sum += counts[i];
        var mean = sum / n;

        var squares = 0.0;
        for (var i = start; i < start + n; i++)
            squares += (counts[i] - mean) * (counts[i] - mean);
        var sd = Math.Sqrt(squares / (n - 1));

        return new Baseline(mean, Math.Max(sd, options.MinSigma));
    }
}
