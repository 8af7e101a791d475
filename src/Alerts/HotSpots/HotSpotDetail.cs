using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Alerts.Cases;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Alerts.HotSpots;

/// <summary>
/// One hot spot in full for `GET /api/v1/hotspots/{id}`: its evidence reports (id, topic, risk,
/// time — never who reported), its alerts with recipients and deliveries, and its timeline.
/// </summary>
public sealed record HotSpotDetail
{
    public Guid Id { get; init; }
    public required string WorkplaceCode { get; init; }
    public required string UnitKind { get; init; }
    public required string Level { get; init; }
    public required string Status { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public string? ClosedBy { get; init; }
    public string? Outcome { get; init; }
    public string? OutcomeNote { get; init; }
    public string? AssignedTo { get; init; }
    public IReadOnlyList<Evidence> EvidenceReports { get; set; } = [];
    public IReadOnlyList<AlertEndpoints.AlertView> Alerts { get; set; } = [];
    public IReadOnlyList<CaseTimeline.Entry> Timeline { get; set; } = [];

    public sealed record Evidence
    {
        public Guid ReportId { get; init; }
        public string? Topic { get; init; }
        public string? Risk { get; init; }
        public DateTimeOffset? OccurredAt { get; init; }
        public DateTimeOffset AddedAt { get; init; }
    }

    public static async Task<HotSpotDetail?> LoadAsync(Database database, Guid id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var detail = await connection.QuerySingleOrDefaultAsync<HotSpotDetail>(
            """
            select id, workplace_code as WorkplaceCode, unit_kind as UnitKind, level, status, reason, opened_at as OpenedAt, updated_at as UpdatedAt,
                   closed_at as ClosedAt, closed_by as ClosedBy, outcome, outcome_note as OutcomeNote, assigned_to as AssignedTo
            from hotspots where id = @id
            """, new { id });
        if (detail is null) return null;
        detail.EvidenceReports = (await connection.QueryAsync<Evidence>(
            """
            select e.report_id as ReportId, s.topic, s.risk, s.occurred_at as OccurredAt, e.added_at as AddedAt
            from hotspot_evidence e left join report_signals s on s.report_id = e.report_id
            where e.hotspot_id = @id order by e.added_at, e.report_id
            """, new { id })).ToList();
        var alerts = (await connection.QueryAsync<AlertEndpoints.AlertView>($"{AlertEndpoints.SelectAlerts} where hotspot_id = @id order by raised_at", new { id })).ToList();
        await AlertEndpoints.AttachRecipientsAsync(connection, alerts);
        detail.Alerts = alerts;
        detail.Timeline = await CaseTimeline.ReadAsync(connection, id);
        return detail;
    }
}
