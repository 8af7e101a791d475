namespace Directive58.Contracts;

/// <summary>The classifier labelled a report; scores are calibrated probabilities per label id.</summary>
public sealed record ReportClassified(
    Guid ReportId, string WorkplaceCode, string Topic, string Risk,
    IReadOnlyDictionary<string, double> TopicScores, IReadOnlyDictionary<string, double> RiskScores,
    string ModelVersion, string? ReporterRef, DateTimeOffset OccurredAt, DateTimeOffset ClassifiedAt);
