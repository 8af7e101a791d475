namespace Directive58.Contracts;

/// <summary>Command: reopen a closed hot spot.</summary>
public sealed record ReopenHotSpot(Guid HotSpotId, string Reason, string By, DateTimeOffset At);
