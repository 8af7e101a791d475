using Dapper;
using Directive58.Alerts.Cases;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.Alerts.Outcomes;

/// <summary>
/// "You said, we did": `GET /api/v1/reports/outcomes?reporterRef=…` lists one collaborator's own
/// reports and what became of them — whether each fed a hot spot, whether someone acknowledged it,
/// how it was resolved. Nothing here names an officer or another reporter; the evidence of a hot spot
/// is not listed, only that this report was part of it. A signed-in user sees only their own reports
/// (their user name is their reporter reference, as on the dashboard's "my reports"); an API key, the
/// collaborators' app, asks for the reporter it serves.
/// </summary>
public static class ReportOutcomeEndpoints
{
    public sealed record ReportOutcome
    {
        public Guid ReportId { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public required string Topic { get; init; }
        public required string Risk { get; init; }
        public Guid? HotSpotId { get; init; }
        public string? HotSpotLevel { get; init; }
        public string? HotSpotStatus { get; init; }
        public long Acknowledged { get; init; }
        public string? Outcome { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public string Progress => HotSpotId is null ? "recorded" : HotSpotStatus == "closed" ? "resolved" : Acknowledged > 0 ? "in_progress" : "alerted";
        public string ProgressVi => Progress switch
        {
            "recorded" => "Đã ghi nhận",
            "alerted" => "Đã báo tới công đoàn có trách nhiệm",
            "in_progress" => "Đang được xử lý",
            _ => "Đã giải quyết: " + (Outcome is null ? "" : CaseOutcomes.NamesVi.GetValueOrDefault(Outcome, Outcome)),
        };
    }

    public static IEndpointRouteBuilder MapReportOutcomeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/outcomes", async (Database database, HttpContext http, string? reporterRef, CancellationToken ct) =>
        {
            if (Roles.All.Any(http.User.IsInRole))
            {
                var me = http.User.Identity?.Name;
                reporterRef ??= me;
                if (!string.Equals(reporterRef?.Trim(), me, StringComparison.Ordinal))
                    return Results.Problem(statusCode: 403, title: "Chỉ xem được báo cáo của chính mình / Only your own reports",
                        detail: "Người dùng đã đăng nhập chỉ xem kết quả các báo cáo mình gửi (reporterRef = tên đăng nhập). A signed-in user sees only their own reports.");
            }
            if (string.IsNullOrWhiteSpace(reporterRef))
                return Results.Problem(statusCode: 400, title: "Thiếu reporterRef / reporterRef is required", detail: "GET /api/v1/reports/outcomes?reporterRef=…");
            await using var connection = await database.OpenAsync(ct);
            // A report may back a workplace and a zone hot spot; the workplace one is the collaborator's.
            var rows = await connection.QueryAsync<ReportOutcome>(
                """
                select s.report_id as ReportId, s.occurred_at as OccurredAt, s.topic, s.risk, h.id as HotSpotId, h.level as HotSpotLevel, h.status as HotSpotStatus,
                       (select count(*) from alerts a where a.hotspot_id = h.id and a.acknowledged_at is not null) as Acknowledged,
                       h.outcome, h.closed_at as ClosedAt
                from report_signals s
                left join hotspot_evidence e on e.report_id = s.report_id
                    and e.hotspot_id = (select e2.hotspot_id from hotspot_evidence e2 join hotspots h2 on h2.id = e2.hotspot_id
                                        where e2.report_id = s.report_id order by case when h2.unit_kind = 'workplace' then 0 else 1 end, h2.opened_at desc limit 1)
                left join hotspots h on h.id = e.hotspot_id
                where s.reporter_ref = @reporterRef
                order by s.occurred_at desc limit 200
                """, new { reporterRef = reporterRef.Trim() });
            return Results.Ok(rows);
        }).RequireAuthorization(Policies.Read);
        return app;
    }
}
