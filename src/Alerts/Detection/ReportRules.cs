using Directive58.Contracts;

namespace Directive58.Alerts.Detection;

/// <summary>What the detector keeps of a classified report.</summary>
public sealed record ReportSignal(Guid ReportId, string WorkplaceCode, string Topic, string Risk, string? ReporterRef, DateTimeOffset OccurredAt);

/// <summary>
/// The rules of issue 4 that act on a single new report: a critical report opens an alarm at once;
/// elevated reports about one workplace from two or more different reporters within the window
/// open a warning. A report without a reporter counts as its own reporter.
/// </summary>
public static class ReportRules
{
    public static (string Level, string Reason)? Evaluate(ReportSignal current, IReadOnlyList<ReportSignal> recent, TimeSpan window, int minReporters)
    {
        if (current.Risk == "critical") return (HotSpotLevel.Alarm, "critical-report");
        if (current.Risk != "elevated") return null;
        var reporters = recent.Append(current)
            .Where(s => s.Risk is "elevated" or "critical" && s.OccurredAt > current.OccurredAt - window && s.OccurredAt <= current.OccurredAt + window)
            .Select(s => s.ReporterRef ?? "anonymous:" + s.ReportId)
            .Distinct()
            .Count();
        return reporters >= minReporters ? (HotSpotLevel.Warning, "elevated-reporters") : null;
    }
}
