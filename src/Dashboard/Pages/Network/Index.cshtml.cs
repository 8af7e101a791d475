using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Network;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Network;

/// <summary>The collaborator network and the coverage of the user's unit (see CollaboratorNetwork).</summary>
public sealed class IndexModel(Database database, TimeProvider clock) : PageModel
{
    public CollaboratorNetwork.Picture Picture { get; private set; } = new([], [], []);
    public DateTimeOffset Now { get; private set; }

    private sealed record WorkplaceRow
    {
        public string Code { get; init; } = null!;
        public string Name { get; init; } = null!;
        public string? UnionCode { get; init; }
        public string? UnionName { get; init; }
    }

    private sealed record ReportRow
    {
        public string WorkplaceCode { get; init; } = null!;
        public string ReporterRef { get; init; } = null!;
        public DateTimeOffset At { get; init; }
    }

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var scope = await ScopeFilter.ForAsync(connection, User);
        var p = new { codes = scope.Codes, since = Now - CollaboratorNetwork.ActiveWindow };
        var workplaces = await connection.QueryAsync<WorkplaceRow>(
            $"select w.code, w.name, w.union_code as UnionCode, u.name as UnionName from workplaces w left join unions u on u.code = w.union_code where {scope.On("w.code")}", p);
        // One row per (collaborator, workplace) with their last report, aggregated by the store along ix_reports_reporter.
        var reports = await connection.QueryAsync<ReportRow>(
            $"""
            select workplace_code as WorkplaceCode, reporter_ref as ReporterRef, max(occurred_at) as At from reports
            where reporter_ref is not null and occurred_at >= @since and {scope.On("workplace_code")}
            group by reporter_ref, workplace_code
            """, p);
        Picture = CollaboratorNetwork.Build(
            workplaces.Select(w => new CollaboratorNetwork.WorkplaceFact(w.Code, w.Name, w.UnionCode, w.UnionName)).ToList(),
            reports.Select(r => new CollaboratorNetwork.ReportFact(r.WorkplaceCode, r.ReporterRef, r.At)).ToList(), Now);
    }
}
