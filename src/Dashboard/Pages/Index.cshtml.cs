using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Overview;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages;

/// <summary>
/// The overview of the user's unit: open hot spots by level, this week against last, the topic trend,
/// a tile map of communes and industrial zones coloured by risk, the most at-risk workplaces.
/// Collaborators have no overview: they go to their submission form.
/// </summary>
public sealed class IndexModel(Database database, TimeProvider clock) : PageModel
{
    public const int TrendWeeks = 12;
    /// <summary>The risk map, the ranking and the sparklines look at the last 30 days in Vietnam, today included.</summary>
    public const int RiskDays = 30;

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

    public sealed record Place
    {
        public string Code { get; init; } = null!;
        public string Name { get; init; } = null!;
        public string? CommuneCode { get; init; }
        public string? ZoneCode { get; init; }
    }

    public sealed record Tile(string Code, string Name, bool IsZone, int Workplaces, double Score);

    public sealed record AtRisk(string Code, string Name, double Score, string? HotSpotLevel, string SparklinePoints, long Last30Days);

    public long ReportsThisWeek { get; private set; }
    public long ReportsLastWeek { get; private set; }
    public long OpenAlerts { get; private set; }
    public IReadOnlyDictionary<string, long> OpenByLevel { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyList<HotSpotRow> HotSpots { get; private set; } = [];
    public TopicTrend.Trend Trend { get; private set; } = new([], []);
    public IReadOnlyList<Tile> Tiles { get; private set; } = [];
    public IReadOnlyList<AtRisk> MostAtRisk { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.IsInRole(Roles.Collaborator)) return RedirectToPage("/Submit/Index");
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var scope = await ScopeFilter.ForAsync(connection, User);
        var now = clock.GetUtcNow();
        var today = VietnamDay.Today(clock);
        var p = new
        {
            codes = scope.Codes, weekAgo = now.AddDays(-7), twoWeeksAgo = now.AddDays(-14),
            trendFrom = VietnamDay.Of(today.AddDays(-7 * TrendWeeks + 1)), monthFrom = VietnamDay.Of(today.AddDays(-RiskDays + 1)),
        };
        ReportsThisWeek = await connection.ExecuteScalarAsync<long>($"select count(*) from reports where occurred_at >= @weekAgo and {scope.On("workplace_code")}", p);
        ReportsLastWeek = await connection.ExecuteScalarAsync<long>($"select count(*) from reports where occurred_at >= @twoWeeksAgo and occurred_at < @weekAgo and {scope.On("workplace_code")}", p);
        OpenAlerts = await connection.ExecuteScalarAsync<long>($"select count(*) from alerts where status = 'open' and {scope.On("workplace_code")}", p);
        HotSpots = (await connection.QueryAsync<HotSpotRow>(
            $"""
            select h.id, h.workplace_code as WorkplaceCode, coalesce(w.name, h.workplace_code) as WorkplaceName, h.level, h.reason, h.opened_at as OpenedAt,
                   (select count(*) from hotspot_evidence e where e.hotspot_id = h.id) as Evidence
            from hotspots h left join workplaces w on w.code = h.workplace_code
            where h.status = 'open' and {scope.On("h.workplace_code")}
            order by case h.level when 'alarm' then 3 when 'warning' then 2 else 1 end desc, h.opened_at desc
            """, p)).ToList();
        OpenByLevel = HotSpots.GroupBy(h => h.Level).ToDictionary(g => g.Key, g => (long)g.Count());

        // Daily counts (the classifier keeps them per Vietnam day, workplace, topic and risk): a few thousand
        // rows for the 12 weeks instead of every report joined with its classification.
        var trendRows = await connection.QueryAsync<(string Day, string Topic, long Count)>(
            $"select day, topic, sum(reports) from report_daily_counts where day >= @trendFrom and topic <> 'none' and {scope.On("workplace_code")} group by day, topic", p);
        Trend = TopicTrend.Weekly(trendRows, today, TrendWeeks);

        var places = (await connection.QueryAsync<Place>(
            $"select code, name, commune_code as CommuneCode, zone_code as ZoneCode from workplaces where {scope.On("code")}", p)).ToList();
        var risky = (await connection.QueryAsync<(string Code, string Day, long Elevated, long Critical)>(
            $"""
            select workplace_code, day, sum(case when risk = 'elevated' then reports else 0 end), sum(case when risk = 'critical' then reports else 0 end)
            from report_daily_counts
            where day >= @monthFrom and risk in ('elevated', 'critical') and {scope.On("workplace_code")}
            group by workplace_code, day
            """, p)).ToLookup(x => x.Code);
        var hotLevel = HotSpots.GroupBy(h => h.WorkplaceCode).ToDictionary(g => g.Key, g => g.First().Level);
        var score = places.ToDictionary(w => w.Code, w => RiskScore.Of(risky[w.Code].Sum(x => x.Elevated), risky[w.Code].Sum(x => x.Critical), hotLevel.GetValueOrDefault(w.Code)));

        MostAtRisk = places.Where(w => score[w.Code] > 0).OrderByDescending(w => score[w.Code]).ThenBy(w => w.Code).Take(10)
            .Select(w =>
            {
                var daily = Sparkline.Daily(risky[w.Code].ToDictionary(x => x.Day, x => x.Elevated + x.Critical), today, RiskDays);
                return new AtRisk(w.Code, w.Name, score[w.Code], hotLevel.GetValueOrDefault(w.Code), Sparkline.Points(daily), daily.Sum());
            }).ToList();
        Tiles = await TilesAsync(connection, places, score);
        return Page();
    }

    /// <summary>One tile per industrial zone and per commune: a firm in a zone counts for the zone, any other for its commune.</summary>
    private static async Task<IReadOnlyList<Tile>> TilesAsync(System.Data.Common.DbConnection connection, List<Place> places, Dictionary<string, double> score)
    {
        var zones = await connection.QueryAsync<(string Code, string Name)>("select code, name from industrial_zones order by name");
        var communes = await connection.QueryAsync<(string Code, string Name)>("select code, name from communes order by name");
        var tiles = zones.Select(z => (z.Code, z.Name, IsZone: true, Members: places.Where(w => w.ZoneCode == z.Code).ToList()))
            .Concat(communes.Select(c => (c.Code, c.Name, IsZone: false, Members: places.Where(w => w.ZoneCode is null && w.CommuneCode == c.Code).ToList())))
            .Where(t => t.Members.Count > 0)
            .Select(t => new Tile(t.Code, t.Name, t.IsZone, t.Members.Count, t.Members.Sum(w => score[w.Code])));
        return tiles.ToList();
    }
}
