using System.Text.Json;
using Dapper;
using Directive58.Contracts;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Reports;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Reports;

/// <summary>
/// One report's full text (every view audited, like the API's), its classification with scores and
/// explanation, the hot spots it is evidence for, and relabelling, which feeds the classifier's learning.
/// </summary>
public sealed class DetailModel(Database database, AuditLog audit, IPublishEndpoint bus, TimeProvider clock) : PageModel
{
    public sealed record HotSpotLink
    {
        public Guid Id { get; init; }
        public string Level { get; init; } = null!;
        public string Status { get; init; } = null!;
    }

    public ReportEndpoints.ReportRow Report { get; private set; } = null!;
    public IReadOnlyList<Explanation.Reason> Reasons { get; private set; } = [];
    public IReadOnlyDictionary<string, double> TopicScores { get; private set; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<string, double> RiskScores { get; private set; } = new Dictionary<string, double>();
    public IReadOnlyList<HotSpotLink> HotSpots { get; private set; } = [];
    public bool MayRelabel => DashboardPolicies.Relabellers.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var row = await connection.QuerySingleOrDefaultAsync<ReportEndpoints.ReportRow>($"{ReportEndpoints.SelectReports} where r.id = @id", new { id });
        if (row is null || !(await ScopeFilter.ForAsync(connection, User)).Sees(row.WorkplaceCode)) return NotFound();
        await audit.RecordAsync(User, "view-report-text", id.ToString(), HttpContext.RequestAborted);
        Report = row;
        Reasons = Explanation.Parse(row.Explanation);
        if (row.TopicScores is not null) TopicScores = JsonSerializer.Deserialize<Dictionary<string, double>>(row.TopicScores) ?? [];
        if (row.RiskScores is not null) RiskScores = JsonSerializer.Deserialize<Dictionary<string, double>>(row.RiskScores) ?? [];
        HotSpots = (await connection.QueryAsync<HotSpotLink>(
            "select h.id, h.level, h.status from hotspots h join hotspot_evidence e on e.hotspot_id = h.id where e.report_id = @id", new { id })).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostRelabelAsync(Guid id, string topic, string risk)
    {
        if (!MayRelabel) return Forbid();
        if (!Taxonomy.Topics.Contains(topic) || !Taxonomy.Risks.Contains(risk)) return BadRequest();
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var workplace = await connection.ExecuteScalarAsync<string?>("select workplace_code from reports where id = @id", new { id });
        if (!(await ScopeFilter.ForAsync(connection, User)).Sees(workplace)) return NotFound();
        // The classifier owns classifications: it records the correction as training data and may update the label.
        await bus.Publish(new RelabelReport(id, topic, risk, User.Identity!.Name!, clock.GetUtcNow()), HttpContext.RequestAborted);
        await audit.RecordAsync(User, "relabel-report", $"{id} → {topic}/{risk}", HttpContext.RequestAborted);
        return RedirectToPage(new { id, relabelled = 1 });
    }
}
