using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Alerts.HotSpots;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Directive58.Alerts.Detection;

/// <summary>
/// Records each classified report as a signal and applies the report rules; a hot spot opened or
/// raised produces an alert. Idempotent: a redelivered report changes nothing and only re-announces
/// the alert it caused.
/// </summary>
public sealed class DetectHotSpotConsumer(Database database, IOptions<AlertsOptions> options, TimeProvider clock) : IConsumer<ReportClassified>
{
    public async Task Consume(ConsumeContext<ReportClassified> context)
    {
        var m = context.Message;
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var signal = new ReportSignal(m.ReportId, m.WorkplaceCode, m.Topic, m.Risk, m.ReporterRef, m.OccurredAt);
        HotSpotWriter.Outcome outcome;
        await using (var connection = await database.OpenAsync(context.CancellationToken))
        await using (var tx = await connection.BeginTransactionAsync(context.CancellationToken))
        {
            var inserted = await connection.ExecuteAsync(
                """
                insert into report_signals (report_id, workplace_code, topic, risk, reporter_ref, occurred_at, received_at)
                values (@ReportId, @WorkplaceCode, @Topic, @Risk, @ReporterRef, @OccurredAt, @now) on conflict do nothing
                """, new { signal.ReportId, signal.WorkplaceCode, signal.Topic, signal.Risk, signal.ReporterRef, signal.OccurredAt, now }, tx);
            if (inserted == 0)
            {
                var earlier = await AlertWriter.LoadByTriggerAsync(connection, tx, m.ReportId);
                await tx.CommitAsync(context.CancellationToken);
                if (earlier is not null) await context.Publish(earlier);
                return;
            }
            var decision = ReportRules.Evaluate(signal, await RecentAlertableAsync(connection, tx, signal, settings.ElevatedWindow), settings.ElevatedWindow, settings.ElevatedMinReporters);
            outcome = decision is { } d
                ? await HotSpotWriter.OpenOrRaiseAsync(connection, tx, m.WorkplaceCode, d.Level, d.Reason, m.ReportId, m.Topic, settings, now)
                : new HotSpotWriter.Outcome(null, null);
            await tx.CommitAsync(context.CancellationToken);
        }
        if (outcome.Changed is not null) await context.Publish(outcome.Changed);
        if (outcome.Alert is not null) await context.Publish(outcome.Alert);
    }

    private static async Task<IReadOnlyList<ReportSignal>> RecentAlertableAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, ReportSignal signal, TimeSpan window)
    {
        if (signal.Risk is not ("elevated" or "critical")) return [];
        var rows = await connection.QueryAsync<SignalRow>(
            """
            select report_id as ReportId, workplace_code as WorkplaceCode, topic, risk, reporter_ref as ReporterRef, occurred_at as OccurredAt
            from report_signals
            where workplace_code = @WorkplaceCode and risk in ('elevated', 'critical') and occurred_at >= @since and report_id <> @ReportId
            """, new { signal.WorkplaceCode, signal.ReportId, since = signal.OccurredAt - window }, tx);
        return rows.Select(r => new ReportSignal(r.ReportId, r.WorkplaceCode, r.Topic, r.Risk, r.ReporterRef, r.OccurredAt)).ToList();
    }

    private sealed record SignalRow
    {
        public Guid ReportId { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string Topic { get; init; } = null!;
        public string Risk { get; init; } = null!;
        public string? ReporterRef { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
    }
}
