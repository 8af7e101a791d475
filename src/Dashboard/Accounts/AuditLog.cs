using System.Security.Claims;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Dashboard.Accounts;

/// <summary>Who read which report's text, and when; administrators can read it back.</summary>
public sealed class AuditLog(Database database, TimeProvider clock)
{
    public async Task RecordAsync(ClaimsPrincipal actor, string action, string subject, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("insert into audit_log (id, at, actor, action, subject) values (@id, @at, @actor, @action, @subject)",
            new { id = Guid.NewGuid(), at = clock.GetUtcNow(), actor = actor.Identity?.Name ?? "anonymous", action, subject });
    }

    /// <summary>One entry per subject, e.g. every report whose text a page shows.</summary>
    public async Task RecordManyAsync(ClaimsPrincipal actor, string action, IEnumerable<string> subjects, CancellationToken ct = default)
    {
        var at = clock.GetUtcNow();
        var name = actor.Identity?.Name ?? "anonymous";
        var rows = subjects.Select(subject => new { id = Guid.NewGuid(), at, actor = name, action, subject }).ToList();
        if (rows.Count == 0) return;
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("insert into audit_log (id, at, actor, action, subject) values (@id, @at, @actor, @action, @subject)", rows);
    }

    public sealed record Entry
    {
        public DateTimeOffset At { get; init; }
        public string Actor { get; init; } = null!;
        public string Action { get; init; } = null!;
        public string Subject { get; init; } = null!;
    }

    public async Task<IReadOnlyList<Entry>> LatestAsync(string? actor, int limit, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<Entry>(
            "select at, actor, action, subject from audit_log where (@actor is null or actor = @actor) order by at desc limit @limit", new { actor, limit })).ToList();
    }
}
