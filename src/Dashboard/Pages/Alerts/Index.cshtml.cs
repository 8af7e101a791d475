using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Cases;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Alerts;

/// <summary>
/// The alerts and cases board. Mine: the cases (hot spots) assigned to me by user name, and the open
/// alerts addressed to my unit, which someone of my unit must acknowledge, most urgent first. My unit:
/// every alert under my unit; all: the province, for those who see it. Open first, overdue in red;
/// acknowledge and resolve from the list; the rows refresh live when Alerts publishes a change.
/// </summary>
public sealed class IndexModel(Database database, TimeProvider clock, CaseActions actions) : PageModel
{
    public sealed record AlertRow
    {
        public Guid Id { get; init; }
        public Guid HotSpotId { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string WorkplaceName { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Title { get; init; } = null!;
        public string Status { get; init; } = null!;
        public string HotSpotStatus { get; init; } = null!;
        public DateTimeOffset RaisedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public string Recipients { get; init; } = null!;
    }

    public sealed record CaseRow
    {
        public Guid Id { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string WorkplaceName { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Status { get; init; } = null!;
        public string Reason { get; init; } = null!;
        public DateTimeOffset OpenedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public long OpenAlerts { get; init; }
    }

    /// <summary>How long a closed case stays on "mine".</summary>
    public static readonly TimeSpan ClosedCasesShown = TimeSpan.FromDays(30);

    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];
    public IReadOnlyList<CaseRow> Cases { get; private set; } = [];
    public bool IsMine => View == "mine";
    /// <summary>Mine lists alerts of the user's unit; someone without a unit (a provincial administrator) receives none.</summary>
    public bool HasUnit => User.FindFirst(Policies.UnitClaim) is not null;
    public DateTimeOffset Now { get; private set; }
    public bool CanAct => CaseActions.MayAct(User);

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    /// <summary>mine | unit | all.</summary>
    [BindProperty(SupportsGet = true)] public string View { get; set; } = "unit";

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Only the table body, for the live refresh.</summary>
    public async Task<IActionResult> OnGetRowsAsync()
    {
        await LoadAsync();
        return Partial("_AlertRows", this);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id) =>
        await actions.AcknowledgeAsync(User, id, HttpContext.RequestAborted) ? RedirectToPage(new { Status, View }) : NotFound();

    public async Task<IActionResult> OnPostResolveAsync(Guid hotSpotId, string outcome) =>
        await actions.ResolveAsync(User, hotSpotId, outcome, null, HttpContext.RequestAborted) ? RedirectToPage(new { Status, View }) : NotFound();

    private async Task LoadAsync()
    {
        Now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var scope = await ScopeFilter.ForAsync(connection, User);
        var unit = User.FindFirst(Policies.UnitClaim)?.Value;
        var (unitKind, unitCode) = unit is null ? (null, null) : (unit[..unit.IndexOf(':')], unit[(unit.IndexOf(':') + 1)..]);
        // Mine: open alerts with my unit among their recipients, whatever the status filter (they are what I must acknowledge).
        var (filter, order) = IsMine
            ? ("a.status = 'open' and exists (select 1 from alert_recipients m where m.alert_id = a.id and m.unit_kind = @unitKind and m.unit_code = @unitCode)", "a.due_at")
            : ("(@status is null or a.status = @status)", "case a.status when 'open' then 0 else 1 end, a.raised_at desc");
        var recipients = database.IsPostgres
            ? "string_agg(r.unit_name, ', ' order by r.step, r.unit_name) from alert_recipients r where r.alert_id = a.id"
            : "group_concat(r.unit_name, ', ') from alert_recipients r where r.alert_id = a.id";
        Alerts = IsMine && unitCode is null ? [] : (await connection.QueryAsync<AlertRow>(
            $"""
            select a.id, a.hotspot_id as HotSpotId, a.workplace_code as WorkplaceCode, coalesce(w.name, a.workplace_code) as WorkplaceName, a.level, a.title,
                   a.status, h.status as HotSpotStatus, a.raised_at as RaisedAt, a.due_at as DueAt, coalesce((select {recipients}), '') as Recipients
            from alerts a join hotspots h on h.id = a.hotspot_id left join workplaces w on w.code = a.workplace_code
            where {filter} and {scope.On("a.workplace_code")}
            order by {order}
            limit 200
            """, new { status = Status, codes = scope.Codes, unitKind, unitCode })).ToList();
        if (IsMine) Cases = await AssignedToMeAsync(connection, scope);
    }

    /// <summary>
    /// Hot spots whose case was handed to me (AssignCase stores the name given; people are assigned by
    /// user name, compared without case), open ones first, closed ones for 30 days.
    /// </summary>
    private async Task<IReadOnlyList<CaseRow>> AssignedToMeAsync(System.Data.Common.DbConnection connection, ScopeFilter scope) =>
        (await connection.QueryAsync<CaseRow>(
            $"""
            select h.id, h.workplace_code as WorkplaceCode, coalesce(w.name, z.name, h.workplace_code) as WorkplaceName, h.level, h.status, h.reason,
                   h.opened_at as OpenedAt, h.closed_at as ClosedAt,
                   (select count(*) from alerts a where a.hotspot_id = h.id and a.status = 'open') as OpenAlerts
            from hotspots h left join workplaces w on w.code = h.workplace_code left join industrial_zones z on z.code = h.workplace_code
            where lower(trim(h.assigned_to)) = @me and (h.status = 'open' or h.closed_at >= @closedSince) and {scope.On("h.workplace_code")}
            order by case h.status when 'open' then 0 else 1 end, case h.level when 'alarm' then 0 when 'warning' then 1 else 2 end, h.opened_at desc
            limit 200
            """, new { me = User.Identity!.Name!.ToLowerInvariant(), closedSince = Now - ClosedCasesShown, codes = scope.Codes })).ToList();
}
