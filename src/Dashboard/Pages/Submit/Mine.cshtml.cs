using Dapper;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Submit;

/// <summary>
/// "You said, we did": the user's own reports (matched by their user name as reporter reference)
/// and what became of each — classified, part of a hot spot, acknowledged, resolved with an outcome —
/// without anyone else's identity or report.
/// </summary>
public sealed class MineModel(Database database) : PageModel
{
    public sealed record Row
    {
        public Guid Id { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string Text { get; init; } = null!;
        public DateTimeOffset OccurredAt { get; init; }
        public string Status { get; init; } = null!;
        public string? Topic { get; init; }
        public string? Risk { get; init; }
        public string? HotSpotLevel { get; init; }
        public string? HotSpotStatus { get; init; }
        public string? Outcome { get; init; }
        public DateTimeOffset? AcknowledgedAt { get; init; }
    }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        Rows = (await connection.QueryAsync<Row>(
            """
            select r.id, r.workplace_code as WorkplaceCode, r.text, r.occurred_at as OccurredAt, r.status, c.topic, c.risk,
                   h.level as HotSpotLevel, h.status as HotSpotStatus, h.outcome,
                   (select min(a.acknowledged_at) from alerts a where a.hotspot_id = h.id) as AcknowledgedAt
            from reports r left join classifications c on c.report_id = r.id
                 left join hotspot_evidence e on e.report_id = r.id left join hotspots h on h.id = e.hotspot_id
            where r.reporter_ref = @me
            order by r.occurred_at desc limit 200
            """, new { me = User.Identity!.Name })).ToList();
    }
}
