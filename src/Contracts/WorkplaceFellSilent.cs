namespace Directive58.Contracts;

/// <summary>Every active collaborator of a workplace stopped reporting: a blind spot to re-establish contact with, not a grievance.</summary>
public sealed record WorkplaceFellSilent(
    string WorkplaceCode, DateTimeOffset SilentSince, int ActiveCollaborators, DateTimeOffset FlaggedAt);
