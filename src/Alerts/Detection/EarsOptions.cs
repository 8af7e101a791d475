namespace Directive58.Alerts.Detection;

/// <summary>CDC's three EARS variants, named as in <c>surveillance::earsC</c>.</summary>
public enum EarsMethod { C1, C2, C3 }

/// <summary>
/// How to run <see cref="Ears"/>. <paramref name="Alpha"/> null means the CDC default that
/// earsC applies when a control list leaves alpha out: 0.001 for C1/C2, 0.025 for C3.
/// <paramref name="MinSigma"/> floors the baseline standard deviation; see <see cref="Ears"/>
/// for why our default is 0.5 where R's is 0.
/// </summary>
public sealed record EarsOptions(
    EarsMethod Method, int Baseline = 7, double? Alpha = null, double MinSigma = EarsOptions.DefaultMinSigma)
{
    public const double DefaultMinSigma = 0.5;

    public double EffectiveAlpha => Alpha ?? (Method == EarsMethod.C3 ? 0.025 : 0.001);

    /// <summary>0-based index of the first day with a full baseline (earsC's default range start, minus 1).</summary>
    public int FirstMonitoredIndex => Method switch
    {
        EarsMethod.C1 => Baseline,
        EarsMethod.C2 => Baseline + 2,
        _ => Baseline + 4,
    };

    /// <summary>The same checks earsC makes, plus alpha's range, which R leaves to qnorm.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Method))
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown EARS method.");
        if (Baseline < 3)
            throw new ArgumentOutOfRangeException(nameof(Baseline), Baseline, "Minimum baseline to use is 3.");
        if (EffectiveAlpha is not (> 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must be strictly between 0 and 1.");
        if (double.IsNaN(MinSigma) || MinSigma < 0)
            throw new ArgumentOutOfRangeException(nameof(MinSigma), MinSigma, "MinSigma must be zero or positive.");
    }
}

/// <summary>One monitored day: its 0-based position in the series, its count, and earsC's verdict.</summary>
public sealed record EarsResult(int Index, double Count, double UpperBound, bool Alarm);
