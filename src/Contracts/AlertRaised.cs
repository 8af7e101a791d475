namespace Directive58.Contracts;

/// <summary>An alert was raised for a hot spot and addressed to the responsible units.</summary>
public sealed record AlertRaised(
    Guid AlertId, Guid HotSpotId, string WorkplaceCode, string Level, string Title,
    IReadOnlyList<string> RecipientUnits, DateTimeOffset RaisedAt, DateTimeOffset DueAt);
