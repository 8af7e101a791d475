namespace Directive58.Contracts;

/// <summary>Command: a person closes a hot spot with an outcome (settled by dialogue, arrears paid, referred to inspectors, unfounded, …).</summary>
public sealed record ResolveHotSpot(Guid HotSpotId, string Outcome, string? Note, string By, DateTimeOffset At);
