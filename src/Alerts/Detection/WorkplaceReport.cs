using Directive58.Contracts;

namespace Directive58.Alerts.Detection;

/// <summary>What the surge rules need of a classified report: when, how risky, and who sent it.</summary>
public sealed record WorkplaceReport(DateTimeOffset OccurredAt, string Risk, string? ReporterRef)
{
    public static WorkplaceReport From(ReportClassified report) =>
        new(report.OccurredAt, report.Risk, report.ReporterRef);

    public bool IsCritical => Risk == "critical";

    public bool IsAlertable => Taxonomy.IsAlertable(Risk);

    /// <summary>
    /// Anonymous reports share one key: they cannot be told apart, and one person resubmitting
    /// anonymously must not look like several independent workers.
    /// </summary>
    public string ReporterKey => ReporterRef ?? "(anonymous)";
}
