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
}
