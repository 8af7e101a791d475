using Dapper;
using Directive58.Alerts.Notifications;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.Alerts.Alerting;

/// <summary>`GET /api/v1/alerts` and `GET /api/v1/alerts/{id}` with recipients and deliveries, and `POST /api/v1/alerts/{id}/ack`.</summary>
public static class AlertEndpoints
{
    public sealed record AlertView
    {
        public Guid Id { get; init; }
        public Guid HotSpotId { get; init; }
        public required string WorkplaceCode { get; init; }
        public required string Level { get; init; }
        public required string Title { get; init; }
        public required string Status { get; init; }
        public DateTimeOffset RaisedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public long EscalationStep { get; init; }
        public DateTimeOffset? AcknowledgedAt { get; init; }
        public string? AcknowledgedBy { get; init; }
        public string UnitKind { get; init; } = "workplace";
        public IReadOnlyList<RecipientView> Recipients { get; set; } = [];
        public IReadOnlyList<DeliveryLog.Delivery> Deliveries { get; set; } = [];
    }

    public sealed record RecipientView
    {
        public Guid AlertId { get; init; }
        public required string UnitKind { get; init; }
        public required string UnitCode { get; init; }
        public required string UnitName { get; init; }
        public long Step { get; init; }
    }

    public const string SelectAlerts =
        """
        select id, hotspot_id as HotSpotId, workplace_code as WorkplaceCode, level, title, status, raised_at as RaisedAt, due_at as DueAt,
               escalation_step as EscalationStep, unit_kind as UnitKind, acknowledged_at as AcknowledgedAt, acknowledged_by as AcknowledgedBy
        from alerts
        """;

    public static IEndpointRouteBuilder MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        // A signed-in user sees the alerts of the workplaces under their unit, as on the dashboard; an API key, all.
        app.MapGet("/api/v1/alerts", async (Database database, HttpContext http, string? status, string? workplaceCode, int? limit, CancellationToken ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            var scope = await ScopeFilter.ForAsync(connection, http.User);
            var alerts = (await connection.QueryAsync<AlertView>(
                $"{SelectAlerts} where (@status is null or status = @status) and (@workplaceCode is null or workplace_code = @workplaceCode) and {scope.On("workplace_code")} order by raised_at desc limit @take",
                new { status, workplaceCode, take = Math.Clamp(limit ?? 100, 1, 1000), codes = scope.Codes })).ToList();
            await AttachRecipientsAsync(connection, alerts);
            return Results.Ok(alerts);
        }).RequireAuthorization(Policies.ReadCases);

        app.MapGet("/api/v1/alerts/{id:guid}", async (Guid id, Database database, HttpContext http, CancellationToken ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            var alert = await connection.QuerySingleOrDefaultAsync<AlertView>($"{SelectAlerts} where id = @id", new { id });
            if (alert is null || !(await ScopeFilter.ForAsync(connection, http.User)).Sees(alert.WorkplaceCode)) return NotFound(id);
            await AttachRecipientsAsync(connection, [alert]);
            return Results.Ok(alert);
        }).RequireAuthorization(Policies.ReadCases);

        app.MapPost("/api/v1/alerts/{id:guid}/ack", async (Guid id, HttpContext http, Database database, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct) =>
        {
            if (!await ScopeFilter.SeesAsync(database, http.User, "select workplace_code from alerts where id = @id", new { id }, ct)) return NotFound(id);
            var acknowledged = await AcknowledgeAlertConsumer.AcknowledgeAsync(database, new AcknowledgeAlert(id, http.User.Identity?.Name ?? "unknown", clock.GetUtcNow()), ct);
            if (acknowledged is not null) await bus.Publish(acknowledged, ct);
            await using var connection = await database.OpenAsync(ct);
            var alert = await connection.QuerySingleOrDefaultAsync<AlertView>($"{SelectAlerts} where id = @id", new { id });
            if (alert is null) return NotFound(id);
            await AttachRecipientsAsync(connection, [alert]);
            return Results.Ok(alert);
        }).RequireAuthorization(Policies.Act).DisableAntiforgery();
        return app;
    }

    private static IResult NotFound(Guid id) =>
        Results.Problem(statusCode: 404, title: "Không tìm thấy cảnh báo / Alert not found", detail: $"No alert has id {id}.");

    /// <summary>Adds each alert's recipients and delivery attempts (channel, status, error; never addresses).</summary>
    public static async Task AttachRecipientsAsync(System.Data.Common.DbConnection connection, List<AlertView> alerts)
    {
        if (alerts.Count == 0) return;
        var recipients = (await connection.QueryAsync<RecipientView>(
            $"select alert_id as AlertId, unit_kind as UnitKind, unit_code as UnitCode, unit_name as UnitName, step from alert_recipients where alert_id in ({string.Join(",", alerts.Select((_, i) => "@a" + i))}) order by step, unit_code",
            new DynamicParameters(alerts.Select((a, i) => new KeyValuePair<string, object>("a" + i, a.Id)).ToDictionary()))).ToLookup(r => r.AlertId);
        var deliveries = await DeliveryLog.ForAlertsAsync(connection, alerts.Select(a => a.Id).ToList());
        foreach (var alert in alerts)
        {
            alert.Recipients = recipients[alert.Id].ToList();
            alert.Deliveries = deliveries[alert.Id].ToList();
        }
    }
}
