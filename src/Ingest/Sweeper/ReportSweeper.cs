using Dapper;
using Directive58.Contracts;
using Directive58.Ingest.SubmitReport;
using Directive58.ServiceDefaults.Metrics;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directive58.Ingest.Sweeper;

/// <summary>`Ingest:Sweeper:*`. The grace period should exceed a normal classification by far, or busy times republish needlessly.</summary>
public sealed class SweeperOptions
{
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(2);
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
    public int BatchSize { get; set; } = 1000;
}

/// <summary>
/// One sweep: every report stored but not classified for longer than the grace period (since it
/// was submitted, or since the last sweep published it) is published again. A report is claimed
/// by a conditional update before it is published, so several Ingest instances sweeping at once
/// publish it once per grace period; a publish that fails is simply tried again next time.
/// Consumers are idempotent, so a report that was only slow is classified once all the same.
/// </summary>
public sealed class ReportSweeper(Database database, IPublishEndpoint bus, TimeProvider clock, IOptions<SweeperOptions> options,
    PrometheusMetrics metrics, ILogger<ReportSweeper> logger)
{
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var cutoff = now - options.Value.Grace;
        await using var connection = await database.OpenAsync(ct);
        var waiting = (await connection.QueryAsync<WaitingReport>(
            """
            select id, workplace_code as WorkplaceCode, text, channel, reporter_ref as ReporterRef, occurred_at as OccurredAt, submitted_at as SubmittedAt
            from reports where status = 'received' and coalesce(swept_at, submitted_at) < @cutoff
            order by submitted_at limit @limit
            """, new { cutoff, limit = options.Value.BatchSize })).ToList();
        var published = 0;
        foreach (var report in waiting)
        {
            var claimed = await connection.ExecuteAsync(
                "update reports set swept_at = @now where id = @Id and status = 'received' and coalesce(swept_at, submitted_at) < @cutoff",
                new { now, report.Id, cutoff });
            if (claimed == 0) continue;
            var message = new ReportSubmitted(report.Id, report.WorkplaceCode, report.Text, report.Channel, report.ReporterRef, report.OccurredAt, report.SubmittedAt);
            if (!await ReportSubmission.PublishAsync(bus, message, clock, logger, ct)) break;
            published++;
        }
        if (published > 0)
        {
            metrics.Add("d58_reports_republished_total", "Reports the sweeper published again because no classification came within the grace period.", published);
            logger.LogWarning("Sweeper republished {Count} report(s) unclassified for more than {Grace}", published, options.Value.Grace);
        }
        return published;
    }

    private sealed record WaitingReport
    {
        public Guid Id { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string Text { get; init; } = null!;
        public string Channel { get; init; } = null!;
        public string? ReporterRef { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
    }
}
