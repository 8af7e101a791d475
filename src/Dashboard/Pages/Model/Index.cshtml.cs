using Dapper;
using Directive58.Contracts;
using Directive58.Dashboard.Storage;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Model;

/// <summary>
/// The classifier's model: its versions and their metrics (the classifier's `model_versions` table,
/// shown column by column once it exists), how many reports each version labelled, and a retrain
/// button that sends RetrainModel to the classifier.
/// </summary>
public sealed class IndexModel(Database database, IPublishEndpoint bus, TimeProvider clock) : PageModel
{
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Versions { get; private set; } = [];
    public bool HasVersionsTable { get; private set; }
    public IReadOnlyList<(string Version, long Reports, DateTimeOffset Last)> Usage { get; private set; } = [];

    private sealed record UsageRow
    {
        public string Version { get; init; } = null!;
        public long Reports { get; init; }
        public DateTimeOffset Last { get; init; }
    }

    public async Task OnGetAsync()
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        HasVersionsTable = await OptionalTables.ExistsAsync(connection, database, "model_versions");
        // Every column but the model itself (2 MB a version), which the page cannot show anyway.
        Versions = (await OptionalTables.RowsAsync(connection, database, "model_versions", "1 = 1", new { },
                "version, status, created_at, decided_at, training_sha256, heldout_metrics, champion_metrics, note"))
            .OrderByDescending(OptionalTables.TimeOf).ToList();
        Usage = (await connection.QueryAsync<UsageRow>(
            "select model_version as Version, count(*) as Reports, max(classified_at) as Last from classifications group by model_version order by max(classified_at) desc"))
            .Select(u => (u.Version, u.Reports, u.Last)).ToList();
    }

    public async Task<IActionResult> OnPostRetrainAsync()
    {
        await bus.Publish(new RetrainModel(User.Identity!.Name!, clock.GetUtcNow()), HttpContext.RequestAborted);
        return RedirectToPage(new { requested = 1 });
    }
}
