using System.Text;
using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Messaging;
using Directive58.ServiceDefaults.Metrics;
using Directive58.ServiceDefaults.Privacy;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Directive58.Ingest.SubmitReport;

/// <summary>A report that passed validation, before masking and storage.</summary>
public sealed record NewReport(string ClientId, string WorkplaceCode, string Text, string Channel, DateTimeOffset? OccurredAt, string? ReporterRef);

/// <summary>
/// Stores a report before anything else happens (idempotent on clientId), then publishes
/// <see cref="ReportSubmitted"/>. A failed publish is not an error for the sender: the report is
/// safe and the sweeper publishes it later.
/// </summary>
public sealed class ReportSubmission(Database database, IPublishEndpoint bus, TimeProvider clock, PrometheusMetrics metrics, ILogger<ReportSubmission> logger)
{
    public sealed record Accepted
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = null!;
        public bool Duplicate { get; init; }
    }

    public async Task<Accepted> SubmitAsync(NewReport report, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var text = PersonalDataMasker.Mask(report.Text.Normalize(NormalizationForm.FormC).Trim());
        var stored = new
        {
            Id = Guid.CreateVersion7(now), report.ClientId, report.WorkplaceCode, Text = text, report.Channel, report.ReporterRef,
            OccurredAt = report.OccurredAt ?? now, SubmittedAt = now,
        };
        var existing = await database.WriteAsync(async (connection, tx, _) =>
        {
            var inserted = await connection.ExecuteAsync(
                """
                insert into reports (id, client_id, workplace_code, text, channel, reporter_ref, occurred_at, submitted_at, status)
                values (@Id, @ClientId, @WorkplaceCode, @Text, @Channel, @ReporterRef, @OccurredAt, @SubmittedAt, 'received')
                on conflict (client_id) do nothing
                """, stored, tx);
            return inserted == 1 ? null : await connection.QuerySingleAsync<Accepted>(
                "select id, status from reports where client_id = @ClientId", new { report.ClientId }, tx);
        }, ct);
        if (existing is not null)
        {
            metrics.Increment(AcceptedMetric, AcceptedHelp, ("outcome", "duplicate"));
            return existing with { Duplicate = true };
        }
        metrics.Increment(AcceptedMetric, AcceptedHelp, ("outcome", "new"));
        await PublishAsync(bus, new ReportSubmitted(stored.Id, stored.WorkplaceCode, stored.Text, stored.Channel, stored.ReporterRef, stored.OccurredAt, stored.SubmittedAt), clock, logger, ct);
        return new Accepted { Id = stored.Id, Status = "received" };
    }

    private const string AcceptedMetric = "d58_reports_accepted_total";
    private const string AcceptedHelp = "Reports accepted with 202: new, or a clientId seen before.";

    /// <summary>
    /// How long a publish may take before the report is left to the sweeper. MassTransit 8.4 does not
    /// fail a publish while RabbitMQ is down: it waits for the connection to come back. Unbounded, a
    /// broker outage would hold every submission until its sender gave up, though the report was
    /// already stored: in the broker-outage fault test 16 senders got 9 answers in the ~10 s the
    /// broker was down (about 75 with this timeout).
    /// </summary>
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Publishes with the report id as correlation and conversation id; a failure, or no confirmation
    /// within <see cref="PublishTimeout"/>, is logged and left to the sweeper. Used for new reports and
    /// by the sweeper.
    /// </summary>
    public static async Task<bool> PublishAsync(IPublishEndpoint bus, ReportSubmitted message, TimeProvider clock, ILogger logger, CancellationToken ct = default)
    {
        using var timeout = new CancellationTokenSource(PublishTimeout, clock);
        using var publishing = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await bus.Publish(message, context => ReportCorrelation.Begin(context, message.ReportId), publishing.Token);
            return true;
        }
        // A publish given up on may still reach the broker: then the report is classified once all the same (ADR 0005).
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Report {ReportId} stored but not yet published; the sweeper will retry", message.ReportId);
            return false;
        }
    }
}
