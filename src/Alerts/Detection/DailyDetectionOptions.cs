namespace Directive58.Alerts.Detection;

/// <summary>`Alerts:Detection:*`: the daily statistical run and the silence flag.</summary>
public sealed class DailyDetectionOptions
{
    /// <summary>Local (Vietnam) time of day the previous day is evaluated; after midnight so the day is complete.</summary>
    public TimeSpan RunAt { get; set; } = TimeSpan.FromMinutes(20);
    public int Baseline { get; set; } = 7;
    public double MinSigma { get; set; } = EarsOptions.DefaultMinSigma;
    public double RepeatWeight { get; set; } = DailyAlertCounts.DefaultRepeatWeight;

    /// <summary>A workplace is flagged silent when none of its active collaborators has reported for this long.</summary>
    public TimeSpan SilenceAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A collaborator is active if they reported about the workplace within this window before the silence began.</summary>
    public TimeSpan ActiveWindow { get; set; } = TimeSpan.FromDays(90);
}
