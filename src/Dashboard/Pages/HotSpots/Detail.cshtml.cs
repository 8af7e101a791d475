using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Cases;
using Directive58.Dashboard.Storage;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.HotSpots;

/// <summary>
/// One hot spot: its timeline, the evidence reports with the classifier's explanation (each shown
/// text is audited), the topic mix, its alerts with recipients, deliveries and acknowledgements,
/// and the actions (acknowledge, assign, note, resolve, reopen) sent to Alerts as commands.
/// </summary>
public sealed class DetailModel(Database database, AuditLog audit, CaseActions actions, UserAccounts accounts) : PageModel
{
    public sealed record HotSpot
    {
        public Guid Id { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string WorkplaceName { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Status { get; init; } = null!;
        public string Reason { get; init; } = null!;
        public DateTimeOffset OpenedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public string? ClosedBy { get; init; }
        public string? Outcome { get; init; }
        public string? AssignedTo { get; init; }
    }

    public sealed record Evidence
    {
        public Guid Id { get; init; }
        public string Text { get; init; } = null!;
        public string Channel { get; init; } = null!;
        public DateTimeOffset OccurredAt { get; init; }
        public DateTimeOffset AddedAt { get; init; }
        public string? Topic { get; init; }
        public string? Risk { get; init; }
        public string? Explanation { get; init; }
    }

    public sealed record Alert
    {
        public Guid Id { get; init; }
        public string Level { get; init; } = null!;
        public string Title { get; init; } = null!;
        public string Status { get; init; } = null!;
        public DateTimeOffset RaisedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public long EscalationStep { get; init; }
        public DateTimeOffset? AcknowledgedAt { get; init; }
        public string? AcknowledgedBy { get; init; }
    }

    public sealed record Recipient
    {
        public Guid AlertId { get; init; }
        public string UnitName { get; init; } = null!;
        public long Step { get; init; }
    }

    public sealed record TimelineEntry(DateTimeOffset At, string What, string? Detail);

    public HotSpot Spot { get; private set; } = null!;
    public IReadOnlyList<Evidence> Reports { get; private set; } = [];
    public IReadOnlyList<Alert> Alerts { get; private set; } = [];
    public ILookup<Guid, Recipient> Recipients { get; private set; } = Array.Empty<Recipient>().ToLookup(r => r.AlertId);
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Deliveries { get; private set; } = [];
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];
    public IReadOnlyDictionary<string, int> TopicMix { get; private set; } = new Dictionary<string, int>();
    public string? Message { get; private set; }
    /// <summary>Officers a case can be given to, by user name: the alerts board shows each their own ("mine").</summary>
    public IReadOnlyList<(string UserName, string DisplayName)> Assignees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var spot = await connection.QuerySingleOrDefaultAsync<HotSpot>(
            """
            select h.id, h.workplace_code as WorkplaceCode, coalesce(w.name, h.workplace_code) as WorkplaceName, h.level, h.status, h.reason,
                   h.opened_at as OpenedAt, h.updated_at as UpdatedAt, h.closed_at as ClosedAt, h.closed_by as ClosedBy, h.outcome, h.assigned_to as AssignedTo
            from hotspots h left join workplaces w on w.code = h.workplace_code where h.id = @id
            """, new { id });
        if (spot is null || !(await ScopeFilter.ForAsync(connection, User)).Sees(spot.WorkplaceCode)) return NotFound();
        Spot = spot;
        Reports = (await connection.QueryAsync<Evidence>(
            """
            select r.id, r.text, r.channel, r.occurred_at as OccurredAt, e.added_at as AddedAt, c.topic, c.risk, c.explanation
            from hotspot_evidence e join reports r on r.id = e.report_id left join classifications c on c.report_id = r.id
            where e.hotspot_id = @id order by r.occurred_at
            """, new { id })).ToList();
        await audit.RecordManyAsync(User, "view-report-text", Reports.Select(r => r.Id.ToString()), HttpContext.RequestAborted);
        TopicMix = Reports.Where(r => r.Topic is not null).GroupBy(r => r.Topic!).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
        Alerts = (await connection.QueryAsync<Alert>(
            """
            select id, level, title, status, raised_at as RaisedAt, due_at as DueAt, escalation_step as EscalationStep,
                   acknowledged_at as AcknowledgedAt, acknowledged_by as AcknowledgedBy
            from alerts where hotspot_id = @id order by raised_at
            """, new { id })).ToList();
        Recipients = (await connection.QueryAsync<Recipient>(
            "select r.alert_id as AlertId, r.unit_name as UnitName, r.step from alert_recipients r join alerts a on a.id = r.alert_id where a.hotspot_id = @id order by r.step, r.unit_name",
            new { id })).ToLookup(r => r.AlertId);
        Deliveries = await OptionalTables.RowsAsync(connection, database, "alert_deliveries", "alert_id in (select id from alerts where hotspot_id = @id)", new { id });
        var caseEvents = await OptionalTables.RowsAsync(connection, database, "case_events", "hotspot_id = @id", new { id });
        Timeline = BuildTimeline(spot, Reports, Alerts, caseEvents);
        if (CaseActions.MayAct(User))
            Assignees = (await accounts.ListAsync(HttpContext.RequestAborted))
                .Where(u => u.Disabled == 0 && ServiceDefaults.Security.Roles.Officers.Contains(u.Role)).Select(u => (u.UserName, u.DisplayName)).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id, Guid alertId) =>
        Done(await actions.AcknowledgeAsync(User, alertId, HttpContext.RequestAborted), id);

    public async Task<IActionResult> OnPostAssignAsync(Guid id, string assignedTo) =>
        Done(await actions.AssignAsync(User, id, assignedTo, HttpContext.RequestAborted), id);

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string note) =>
        Done(await actions.NoteAsync(User, id, note, HttpContext.RequestAborted), id);

    public async Task<IActionResult> OnPostResolveAsync(Guid id, string outcome, string? note) =>
        Done(await actions.ResolveAsync(User, id, outcome, note, HttpContext.RequestAborted), id);

    public async Task<IActionResult> OnPostReopenAsync(Guid id, string reason) =>
        Done(await actions.ReopenAsync(User, id, reason, HttpContext.RequestAborted), id);

    private IActionResult Done(bool sent, Guid id) => sent ? RedirectToPage(new { id, sent = 1 }) : NotFound();

    /// <summary>Everything that happened, oldest first: opening, evidence, alerts, acknowledgements, case events, closing.</summary>
    public static IReadOnlyList<TimelineEntry> BuildTimeline(HotSpot spot, IEnumerable<Evidence> reports, IEnumerable<Alert> alerts,
        IEnumerable<IReadOnlyDictionary<string, object?>> caseEvents)
    {
        var entries = new List<TimelineEntry> { new(spot.OpenedAt, "opened", spot.Reason) };
        entries.AddRange(reports.Select(r => new TimelineEntry(r.AddedAt, "evidence", r.Risk)));
        foreach (var a in alerts)
        {
            entries.Add(new TimelineEntry(a.RaisedAt, "alert", a.Title));
            if (a.AcknowledgedAt is { } at) entries.Add(new TimelineEntry(at, "acknowledged", a.AcknowledgedBy));
        }
        foreach (var e in caseEvents)
            if (DateTimeOffset.TryParse(OptionalTables.TimeOf(e), out var at))
                entries.Add(new TimelineEntry(at.ToUniversalTime(), e.GetValueOrDefault("kind")?.ToString() ?? e.GetValueOrDefault("type")?.ToString() ?? "event",
                    string.Join(" · ", e.Where(kv => kv.Key is "note" or "assigned_to" or "outcome" or "by" or "detail" && kv.Value is not null).Select(kv => kv.Value))));
        if (spot.ClosedAt is { } closed) entries.Add(new TimelineEntry(closed, "closed", $"{spot.Outcome} · {spot.ClosedBy}"));
        return entries.OrderBy(e => e.At).ToList();
    }
}
