namespace Directive58.Contracts;

/// <summary>An alert passed its deadline unacknowledged and went one level up the chain.</summary>
public sealed record AlertEscalated(
    Guid AlertId, string WorkplaceCode, int EscalationStep, string ToUnit, DateTimeOffset EscalatedAt, DateTimeOffset? NextDueAt);
