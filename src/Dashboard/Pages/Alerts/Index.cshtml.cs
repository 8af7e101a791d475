using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Cases;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Alerts;

/// <summary>
/// The alerts and cases board: mine (addressed to my unit), my unit (everything under it) or all
/// (the province, for those who see it); open first, overdue in red; acknowledge and resolve from the
/// list; the rows refresh live when Alerts publishes a change.
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

    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];
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
        // "mine" for someone without a unit (a provincial administrator) is the same as "all".
        var mine = View == "mine" && unitCode is not null
            ? "exists (select 1 from alert_recipients m where m.alert_id = a.id and m.unit_kind = @unitKind and m.unit_code = @unitCode)"
            : "1 = 1";
        var recipients = database.IsPostgres
            ? "string_agg(r.unit_name, ', ' order by r.step, r.unit_name) from alert_recipients r where r.alert_id = a.id"
            : "group_concat(r.unit_name, ', ') from alert_recipients r where r.alert_id = a.id";
        Alerts = (await connection.QueryAsync<AlertRow>(
            $"""
            select a.id, a.hotspot_id as HotSpotId, a.workplace_code as WorkplaceCode, coalesce(w.name, a.workplace_code) as WorkplaceName, a.level, a.title,
                   a.status, h.status as HotSpotStatus, a.raised_at as RaisedAt, a.due_at as DueAt, coalesce((select {recipients}), '') as Recipients
            from alerts a join hotspots h on h.id = a.hotspot_id left join workplaces w on w.code = a.workplace_code
            where (@status is null or a.status = @status) and {scope.On("a.workplace_code")} and {mine}
            order by case a.status when 'open' then 0 else 1 end, a.raised_at desc
            limit 200
            """, new { status = Status, codes = scope.Codes, unitKind, unitCode })).ToList();
    }
}
