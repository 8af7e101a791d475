using System.Data.Common;
using Dapper;

namespace Directive58.Alerts.Cases;

/// <summary>
/// A hot spot's timeline (`case_events`): what the detector and people did, in order. The actor is
/// an officer's account name or null for the system; reporters never appear here.
/// </summary>
public static class CaseTimeline
{
    public sealed record Entry
    {
        public Guid Id { get; init; }
        public required string Kind { get; init; }
        public string? Actor { get; init; }
        public string? Detail { get; init; }
        public DateTimeOffset At { get; init; }
    }

    public static Task AddAsync(DbConnection connection, DbTransaction? tx, Guid hotSpotId, string kind, string? actor, string? detail, DateTimeOffset at) =>
        connection.ExecuteAsync(
            "insert into case_events (id, hotspot_id, kind, actor, detail, at) values (@id, @hotSpotId, @kind, @actor, @detail, @at)",
            new { id = Guid.CreateVersion7(at), hotSpotId, kind, actor, detail, at }, tx);

    public static async Task<IReadOnlyList<Entry>> ReadAsync(DbConnection connection, Guid hotSpotId) =>
        (await connection.QueryAsync<Entry>(
            "select id, kind, actor, detail, at from case_events where hotspot_id = @hotSpotId order by at, id", new { hotSpotId })).ToList();
}
