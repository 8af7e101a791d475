namespace Directive58.Contracts;

/// <summary>Someone responsible answered an alert.</summary>
public sealed record AlertAcknowledged(
    Guid AlertId, string WorkplaceCode, string AcknowledgedBy, DateTimeOffset AcknowledgedAt);
