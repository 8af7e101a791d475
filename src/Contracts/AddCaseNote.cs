namespace Directive58.Contracts;

/// <summary>Command: add a note to a hot spot's timeline.</summary>
public sealed record AddCaseNote(Guid HotSpotId, string Note, string By, DateTimeOffset At);
