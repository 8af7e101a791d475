using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.HotSpots;

/// <summary>Hot spots of the user's unit, open first; closed ones with their outcome.</summary>
public sealed class IndexModel(Database database) : PageModel
{
    public sealed record Row
    {
        public Guid Id { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string WorkplaceName { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Status { get; init; } = null!;
        public string Reason { get; init; } = null!;
        public DateTimeOffset OpenedAt { get; init; }
        public DateTimeOffset? ClosedAt { get; init; }
        public string? Outcome { get; init; }
    }

    [BindProperty(SupportsGet = true)] public string Status { get; set; } = "open";
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var scope = await ScopeFilter.ForAsync(connection, User);
        Rows = (await connection.QueryAsync<Row>(
            $"""
            select h.id, h.workplace_code as WorkplaceCode, coalesce(w.name, h.workplace_code) as WorkplaceName, h.level, h.status, h.reason,
                   h.opened_at as OpenedAt, h.closed_at as ClosedAt, h.outcome
            from hotspots h left join workplaces w on w.code = h.workplace_code
            where (@status = 'all' or h.status = @status) and {scope.On("h.workplace_code")}
            order by case h.status when 'open' then 0 else 1 end, case h.level when 'alarm' then 0 when 'warning' then 1 else 2 end, h.opened_at desc
            limit 500
            """, new { status = Status, codes = scope.Codes })).ToList();
    }
}
