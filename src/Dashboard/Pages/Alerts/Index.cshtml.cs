using Dapper;
using Directive58.Contracts;
using Directive58.Dashboard.Accounts;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Alerts;

/// <summary>The alerts board of the user's unit: open first, overdue in red; acknowledge from the list; live updates.</summary>
public sealed class IndexModel(Database database, TimeProvider clock, IPublishEndpoint bus) : PageModel
{
    public sealed record AlertRow
    {
        public Guid Id { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string WorkplaceName { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Title { get; init; } = null!;
        public string Status { get; init; } = null!;
        public DateTimeOffset RaisedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public string Recipients { get; init; } = null!;
    }

    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Only the table body, for the live refresh.</summary>
    public async Task<IActionResult> OnGetRowsAsync()
    {
        await LoadAsync();
        return Partial("_AlertRows", this);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(Guid id)
    {
        if (!Roles.Officers.Any(User.IsInRole)) return Forbid();
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var scope = await UnitScope.WorkplacesAsync(connection, User);
        var workplace = await connection.ExecuteScalarAsync<string?>("select workplace_code from alerts where id = @id", new { id });
        if (workplace is null || scope?.Contains(workplace) == false) return NotFound();
        // Alerts owns its tables: the page sends the command; the board updates live when it is done.
        await bus.Publish(new AcknowledgeAlert(id, User.Identity!.Name!, clock.GetUtcNow()));
        return RedirectToPage(new { Status });
    }

    private async Task LoadAsync()
    {
        Now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var scope = await UnitScope.WorkplacesAsync(connection, User);
        var rows = await connection.QueryAsync<AlertRow>(
            $"""
            select a.id, a.workplace_code as WorkplaceCode, coalesce(w.name, a.workplace_code) as WorkplaceName, a.level, a.title, a.status,
                   a.raised_at as RaisedAt, a.due_at as DueAt,
                   coalesce((select group_concat_placeholder), '') as Recipients
            from alerts a left join workplaces w on w.code = a.workplace_code
            where (@status is null or a.status = @status) and {(scope is null ? "1 = 1" : "a.workplace_code in @codes")}
            order by case a.status when 'open' then 0 else 1 end, a.raised_at desc
            limit 200
            """.Replace("group_concat_placeholder", database.IsPostgres
                ? "string_agg(r.unit_name, ', ' order by r.step, r.unit_name) from alert_recipients r where r.alert_id = a.id"
                : "group_concat(r.unit_name, ', ') from alert_recipients r where r.alert_id = a.id"),
            new { status = Status, codes = scope ?? (IEnumerable<string>)[] });
        Alerts = rows.ToList();
    }
}
