using Dapper;
using Directive58.ServiceDefaults.Metrics;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Ingest.Sweeper;

/// <summary>
/// The pipeline's lag as `/metrics` sees it: how many stored reports wait for a classification and
/// how long the oldest has waited. Unlike a queue depth this counts what the broker lost too.
/// </summary>
public sealed class UnclassifiedBacklog(Database database, TimeProvider clock) : IMetricsSource
{
    public async Task CollectAsync(GaugeWriter gauges, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var backlog = await connection.QuerySingleAsync<Backlog>(
            "select count(*) as Waiting, min(submitted_at) as Oldest from reports where status = 'received'");
        gauges.Write("d58_reports_unclassified", "Reports stored and not yet classified.", backlog.Waiting);
        gauges.Write("d58_reports_unclassified_oldest_age_seconds", "Age of the oldest report not yet classified (0 when none).",
            backlog.Oldest is { } oldest ? Math.Max(0, (clock.GetUtcNow() - oldest).TotalSeconds) : 0);
    }

    private sealed record Backlog
    {
        public long Waiting { get; init; }
        public DateTimeOffset? Oldest { get; init; }
    }
}
