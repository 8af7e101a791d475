namespace Directive58.Contracts;

/// <summary>Command: give a hot spot's case to a person or unit to follow up.</summary>
public sealed record AssignCase(Guid HotSpotId, string AssignedTo, string By, DateTimeOffset At);
