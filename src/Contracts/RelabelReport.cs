namespace Directive58.Contracts;

/// <summary>Command: an officer corrects a report's labels; the classifier keeps it as training data.</summary>
public sealed record RelabelReport(Guid ReportId, string Topic, string Risk, string By, DateTimeOffset At);
