using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Alerts.HotSpots;
using System.Data.Common;
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
        var (outcome, earlier) = await database.WriteAsync(async (connection, tx, _) =>
        {
            var inserted = await connection.ExecuteAsync(
                """
                insert into report_signals (report_id, workplace_code, topic, risk, reporter_ref, occurred_at, received_at)
                values (@ReportId, @WorkplaceCode, @Topic, @Risk, @ReporterRef, @OccurredAt, @now) on conflict do nothing
                """, new { m.ReportId, m.WorkplaceCode, m.Topic, m.Risk, m.ReporterRef, m.OccurredAt, now }, tx);
            if (inserted == 0) return (new HotSpotWriter.Outcome(null, null), await AlertWriter.LoadByTriggerAsync(connection, tx, m.ReportId));
            var level = await LevelForAsync(connection, tx, m, settings);
            var changed = level is not null
                ? await HotSpotWriter.OpenOrRaiseAsync(connection, tx, m.WorkplaceCode, level.Value.Level, level.Value.Reason, m.ReportId, m.Topic, settings, now)
                : new HotSpotWriter.Outcome(null, null);
            return (changed, (AlertRaised?)null);
        }, context.CancellationToken);
        if (earlier is not null) await context.Publish(earlier);
        if (outcome.Changed is not null) await context.Publish(outcome.Changed);
        if (outcome.Alert is not null) await context.Publish(outcome.Alert);
    }

    /// <summary>
    /// The rules act on the new report: critical opens an alarm at once; elevated opens a warning
    /// when, with the other elevated reports of the window, at least two different reporters speak.
    /// </summary>
    private static async Task<(string Level, string Reason)?> LevelForAsync(DbConnection connection, DbTransaction tx, ReportClassified m, AlertsOptions settings)
    {
        if (m.Risk == "critical") return (HotSpotLevel.Alarm, "critical-report");
        if (m.Risk != "elevated") return null;
        var elevated = await connection.QueryAsync<SignalRow>(
            """
            select reporter_ref as ReporterRef, occurred_at as OccurredAt from report_signals
            where workplace_code = @WorkplaceCode and risk = 'elevated' and occurred_at > @since and occurred_at <= @OccurredAt
            """, new { m.WorkplaceCode, m.OccurredAt, since = m.OccurredAt - settings.ElevatedWindow }, tx);
        var decision = SurgeRules.Decide(elevated.Select(r => new WorkplaceReport(r.OccurredAt, "elevated", r.ReporterRef)), m.OccurredAt,
            settings.ElevatedWindow, settings.ElevatedMinReporters);
        return decision.Open ? (HotSpotLevel.Warning, "elevated-reporters") : null;
    }

    private sealed record SignalRow
    {
        public string? ReporterRef { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
    }
}
