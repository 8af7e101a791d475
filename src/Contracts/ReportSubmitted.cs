namespace Directive58.Contracts;

/// <summary>A report was stored by Ingest and waits to be classified. Text is already masked.</summary>
public sealed record ReportSubmitted(
    Guid ReportId, string WorkplaceCode, string Text, string Channel, string? ReporterRef,
    DateTimeOffset OccurredAt, DateTimeOffset SubmittedAt);
