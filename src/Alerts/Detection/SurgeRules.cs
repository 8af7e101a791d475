namespace Directive58.Alerts.Detection;

public enum SurgeTrigger { None, CriticalReport, ElevatedFromSeveralReporters }

/// <summary>Whether to open a surge for a workplace, and the reports that made the case.</summary>
public sealed record SurgeDecision(SurgeTrigger Trigger, IReadOnlyList<WorkplaceReport> Evidence)
{
    public bool Open => Trigger != SurgeTrigger.None;
}

/// <summary>
/// The rule-based complement to EARS, for what a statistical baseline is too slow to see:
/// a single critical report opens a surge at once, and elevated reports from at least two
/// different reporters inside the window open one too. Only reports in the window
/// (now − window, now] count, so an old critical report that was already acted on does not
/// reopen a surge on every evaluation.
/// </summary>
public static class SurgeRules
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);
    public const int DefaultMinReporters = 2;

    public static SurgeDecision Decide(
        IEnumerable<WorkplaceReport> reports, DateTimeOffset now, TimeSpan? window = null,
        int minReporters = DefaultMinReporters)
    {
        var span = window ?? DefaultWindow;
        if (span <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be positive.");
        ArgumentOutOfRangeException.ThrowIfLessThan(minReporters, 1);

        var recent = reports
            .Where(r => r.OccurredAt > now - span && r.OccurredAt <= now)
            .OrderBy(r => r.OccurredAt)
            .ToList();

        var critical = recent.Where(r => r.IsCritical).ToList();
        if (critical.Count > 0)
            return new SurgeDecision(SurgeTrigger.CriticalReport, critical);

        // Critical reports were handled above; here only elevated ones are left to corroborate.
        var elevated = recent.Where(r => r.IsAlertable).ToList();
        var reporters = elevated.Select(r => r.ReporterKey).Distinct().Count();
        return reporters >= minReporters
            ? new SurgeDecision(SurgeTrigger.ElevatedFromSeveralReporters, elevated)
            : new SurgeDecision(SurgeTrigger.None, []);
    }
}
