namespace Directive58.Contracts;

/// <summary>A hot spot was opened, raised to a higher level, or closed.</summary>
public sealed record HotSpotChanged(
    Guid HotSpotId, string WorkplaceCode, string Level, string Status, string Change, DateTimeOffset ChangedAt);
