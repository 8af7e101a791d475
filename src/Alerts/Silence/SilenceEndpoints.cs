using Dapper;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.Alerts.Silence;

/// <summary>`GET /api/v1/silences?current=true`: workplaces gone quiet, with how many collaborators fell silent (never who).</summary>
public static class SilenceEndpoints
{
    public sealed record SilenceView
    {
        public required string WorkplaceCode { get; init; }
        public DateTimeOffset SilentSince { get; init; }
        public long ActiveCollaborators { get; init; }
        public DateTimeOffset FlaggedAt { get; init; }
        public DateTimeOffset? ClearedAt { get; init; }
    }

    public static IEndpointRouteBuilder MapSilenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/silences", async (Database database, HttpContext http, bool? current, CancellationToken ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            var scope = await ScopeFilter.ForAsync(connection, http.User);
            var rows = await connection.QueryAsync<SilenceView>(
                $"""
                select workplace_code as WorkplaceCode, silent_since as SilentSince, active_reporters as ActiveCollaborators,
                       flagged_at as FlaggedAt, cleared_at as ClearedAt
                from silent_workplaces where (@all = 1 or cleared_at is null) and {scope.On("workplace_code")} order by flagged_at desc limit 500
                """, new { all = current == false ? 1 : 0, codes = scope.Codes });
            return Results.Ok(rows);
        }).RequireAuthorization(Policies.ReadCases);
        return app;
    }
}
