namespace Directive58.Surveys.Statistics;

/// <summary>Count, sum and sum of squares of a set of scores: enough for mean, variance and Welch's test, and additive across units.</summary>
public sealed class Moments
{
    public int N { get; private set; }
    public double Sum { get; private set; }
    public double SumOfSquares { get; private set; }

    public void Add(double x)
    {
        N++;
        Sum += x;
        SumOfSquares += x * x;
    }

    public void Add(Moments other)
    {
        N += other.N;
        Sum += other.Sum;
        SumOfSquares += other.SumOfSquares;
    }

    public double Mean => N == 0 ? double.NaN : Sum / N;

    /// <summary>The sample variance (n − 1 in the denominator); 0 for fewer than two values.</summary>
    public double Variance => N < 2 ? 0 : Math.Max(0, (SumOfSquares - Sum * Sum / N) / (N - 1));

    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>A 1–5 mean rescaled to 0–100: 1 → 0, 3 → 50, 5 → 100.</summary>
    public double Index => ToIndex(Mean);

    public static double ToIndex(double mean) => (mean - 1) / 4 * 100;

    public static Moments Of(IEnumerable<double> values)
    {
        var m = new Moments();
        foreach (var v in values) m.Add(v);
        return m;
    }
}
