namespace Directive58.Surveys;

/// <summary>`Surveys:*`: when an index drop is a hot-spot signal, and how large an upload may be.</summary>
public sealed class SurveysOptions
{
    /// <summary>Index points (0–100 scale) a workplace must lose against its previous wave.</summary>
    public double IndexDropThreshold { get; set; } = 10;

    /// <summary>Welch's test must find the drop significant at this level.</summary>
    public double SignificanceLevel { get; set; } = 0.05;

    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;
}
