using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages;

/// <summary>The overview of the user's unit: this week against last, open hot spots, latest alerts.</summary>
public sealed class IndexModel(Database database, TimeProvider clock) : PageModel
{
    public sealed record HotSpotRow
    {
        public Guid Id { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string WorkplaceName { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Reason { get; init; } = null!;
        public DateTimeOffset OpenedAt { get; init; }
        public long Evidence { get; init; }
    }

    public long ReportsThisWeek { get; private set; }
    public long ReportsLastWeek { get; private set; }
    public long AlertableThisWeek { get; private set; }
    public long OpenAlerts { get; private set; }
    public IReadOnlyList<HotSpotRow> HotSpots { get; private set; } = [];
    public IReadOnlyDictionary<string, long> TopicsThisWeek { get; private set; } = new Dictionary<string, long>();

    public async Task OnGetAsync()
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var scope = await UnitScope.WorkplacesAsync(connection, User);
        var now = clock.GetUtcNow();
        var p = new { codes = scope ?? (IEnumerable<string>)[], weekAgo = now.AddDays(-7), twoWeeksAgo = now.AddDays(-14) };
        var inScope = (string column) => scope is null ? "1 = 1" : $"{column} in @codes";
        ReportsThisWeek = await connection.ExecuteScalarAsync<long>($"select count(*) from reports where occurred_at >= @weekAgo and {inScope("workplace_code")}", p);
        ReportsLastWeek = await connection.ExecuteScalarAsync<long>($"select count(*) from reports where occurred_at >= @twoWeeksAgo and occurred_at < @weekAgo and {inScope("workplace_code")}", p);
        AlertableThisWeek = await connection.ExecuteScalarAsync<long>(
            $"select count(*) from classifications c join reports r on r.id = c.report_id where r.occurred_at >= @weekAgo and c.risk in ('elevated', 'critical') and {inScope("r.workplace_code")}", p);
        OpenAlerts = await connection.ExecuteScalarAsync<long>($"select count(*) from alerts where status = 'open' and {inScope("workplace_code")}", p);
        TopicsThisWeek = (await connection.QueryAsync<(string Topic, long Count)>(
            $"select c.topic, count(*) from classifications c join reports r on r.id = c.report_id where r.occurred_at >= @weekAgo and c.topic <> 'none' and {inScope("r.workplace_code")} group by c.topic order by count(*) desc", p))
            .ToDictionary(t => t.Topic, t => t.Count);
        HotSpots = (await connection.QueryAsync<HotSpotRow>(
            $"""
            select h.id, h.workplace_code as WorkplaceCode, coalesce(w.name, h.workplace_code) as WorkplaceName, h.level, h.reason, h.opened_at as OpenedAt,
                   (select count(*) from hotspot_evidence e where e.hotspot_id = h.id) as Evidence
            from hotspots h left join workplaces w on w.code = h.workplace_code
            where h.status = 'open' and {inScope("h.workplace_code")}
            order by case h.level when 'alarm' then 3 when 'warning' then 2 else 1 end desc, h.opened_at desc
            """, p)).ToList();
    }
}
