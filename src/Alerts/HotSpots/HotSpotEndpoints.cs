using Dapper;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.Alerts.HotSpots;

/// <summary>`GET /api/v1/hotspots?status=open` with each hot spot's evidence count, and `GET /api/v1/hotspots/{id}` in full.</summary>
public static class HotSpotEndpoints
{
    public sealed record HotSpotView
    {
        public Guid Id { get; init; }
        public required string WorkplaceCode { get; init; }
        public string UnitKind { get; init; } = "workplace";
        public required string Level { get; init; }
        public required string Status { get; init; }
        public required string Reason { get; init; }
        public DateTimeOffset OpenedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public string? Outcome { get; init; }
        public long EvidenceCount { get; init; }
    }

    public static IEndpointRouteBuilder MapHotSpotEndpoints(this IEndpointRouteBuilder app)
    {
        // Scoped to the signed-in user's unit as on the dashboard; an API key sees the province.
        app.MapGet("/api/v1/hotspots", async (Database database, HttpContext http, string? status, string? workplaceCode, CancellationToken ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            var scope = await ScopeFilter.ForAsync(connection, http.User);
            var rows = await connection.QueryAsync<HotSpotView>(
                $"""
                select h.id, h.workplace_code as WorkplaceCode, h.unit_kind as UnitKind, h.level, h.status, h.reason, h.opened_at as OpenedAt, h.updated_at as UpdatedAt,
                       h.closed_at as ClosedAt, h.outcome, (select count(*) from hotspot_evidence e where e.hotspot_id = h.id) as EvidenceCount
                from hotspots h
                where (@status is null or h.status = @status) and (@workplaceCode is null or h.workplace_code = @workplaceCode) and {scope.On("h.workplace_code")}
                order by h.updated_at desc limit 500
                """, new { status, workplaceCode, codes = scope.Codes });
            return Results.Ok(rows);
        }).RequireAuthorization(Policies.ReadCases);

        app.MapGet("/api/v1/hotspots/{id:guid}", async (Guid id, Database database, HttpContext http, CancellationToken ct) =>
            await HotSpotDetail.LoadAsync(database, id, ct) is { } detail && (await ScopeFilter.ForAsync(database, http.User, ct)).Sees(detail.WorkplaceCode)
                ? Results.Ok(detail)
                : Results.Problem(statusCode: 404, title: "Không tìm thấy điểm nóng / Hot spot not found", detail: $"No hot spot has id {id}."))
            .RequireAuthorization(Policies.ReadCases);
        return app;
    }
}
