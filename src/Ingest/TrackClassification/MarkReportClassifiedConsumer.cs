using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Metrics;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Ingest.TrackClassification;

/// <summary>
/// Marks a stored report classified, so the sweeper stops republishing it, and records how long
/// classification took (submitted → classified) the first time. Idempotent.
/// </summary>
public sealed class MarkReportClassifiedConsumer(Database database, PrometheusMetrics metrics) : IConsumer<ReportClassified>
{
    public async Task Consume(ConsumeContext<ReportClassified> context)
    {
        var marked = await database.WriteAsync((connection, tx, _) => connection.QuerySingleOrDefaultAsync<Marked>(
            "update reports set status = 'classified', classified_at = @ClassifiedAt where id = @ReportId and status <> 'classified' returning submitted_at as SubmittedAt",
            new { context.Message.ReportId, context.Message.ClassifiedAt }, tx), context.CancellationToken);
        if (marked is not null)
            metrics.Observe("d58_classification_latency_seconds", "Time from a report's submission to its classification.",
                Math.Max(0, (context.Message.ClassifiedAt - marked.SubmittedAt).TotalSeconds));
    }

    private sealed record Marked
    {
        public DateTimeOffset SubmittedAt { get; init; }
    }
}
