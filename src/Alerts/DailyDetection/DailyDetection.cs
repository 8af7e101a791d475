using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Alerts.Detection;
using Directive58.Alerts.HotSpots;
using Directive58.Alerts.Routing;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace Directive58.Alerts.DailyDetection;

/// <summary>
/// The statistical half of detection, once a day: for each workplace and each industrial zone with
/// elevated or critical reports in the window, the weighted daily series (distinct reporters 1,
/// repeats 0.25) is tested with EARS C1, C2 and C3 against the unit's own baseline, and a verdict
/// opens or raises the unit's hot spot. Each (unit, day) is evaluated once (`detection_runs`), so a
/// second run the same day, or on another instance, changes nothing.
/// </summary>
public sealed class DailyDetection(Database database, IOptions<AlertsOptions> options, TimeProvider clock)
{
    private sealed record Signal
    {
        public Guid ReportId { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string? ZoneCode { get; init; }
        public string Topic { get; init; } = null!;
        public string Risk { get; init; } = null!;
        public string? ReporterRef { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
    }

    /// <summary>The last complete local day before now, the day a run at <see cref="DailyDetectionOptions.RunAt"/> evaluates.</summary>
    public DateOnly Yesterday() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(DailyAlertCounts.VietnamOffset).DateTime).AddDays(-1);

    /// <summary>Evaluates one local day; returns the events to publish for hot spots opened or raised.</summary>
    public async Task<IReadOnlyList<object>> RunAsync(DateOnly day, CancellationToken ct = default)
    {
        var settings = options.Value;
        var d = settings.Detection;
        var now = clock.GetUtcNow();
        var first = day.AddDays(-(d.Baseline + 4));
        await using var connection = await database.OpenAsync(ct);
        var signals = (await connection.QueryAsync<Signal>(
            """
            select s.report_id as ReportId, s.workplace_code as WorkplaceCode, w.zone_code as ZoneCode, s.topic, s.risk,
                   s.reporter_ref as ReporterRef, s.occurred_at as OccurredAt
            from report_signals s left join workplaces w on w.code = s.workplace_code
            where s.risk in ('elevated', 'critical') and s.occurred_at >= @from and s.occurred_at < @to
            """, new { from = LocalMidnight(first), to = LocalMidnight(day.AddDays(1)) })).ToList();

        var units = signals.GroupBy(s => (Kind: UnitKinds.Workplace, Code: s.WorkplaceCode))
            .Concat(signals.Where(s => s.ZoneCode is not null).GroupBy(s => (Kind: UnitKinds.Zone, Code: s.ZoneCode!)));
        var events = new List<object>();
        foreach (var unit in units)
        {
            var series = DailyAlertCounts.Compute(unit.Select(s => new WorkplaceReport(s.OccurredAt, s.Risk, s.ReporterRef)), first, day, d.RepeatWeight);
            bool Alarm(EarsMethod m) => Ears.Run(series, new EarsOptions(m, d.Baseline, null, d.MinSigma))[^1].Alarm;
            var (c1, c2, c3) = (Alarm(EarsMethod.C1), Alarm(EarsMethod.C2), Alarm(EarsMethod.C3));
            var verdict = EarsVerdict.Decide(c1, c2, c3);

            await using var tx = await connection.BeginTransactionAsync(ct);
            var recorded = await connection.ExecuteAsync(
                """
                insert into detection_runs (unit_kind, unit_code, day, count, c1, c2, c3, verdict, at)
                values (@Kind, @Code, @dayText, @count, @c1, @c2, @c3, @verdict, @now) on conflict do nothing
                """, new { unit.Key.Kind, unit.Key.Code, dayText = day.ToString("yyyy-MM-dd"), count = series[^1],
                    c1 = c1 ? 1 : 0, c2 = c2 ? 1 : 0, c3 = c3 ? 1 : 0, verdict = verdict?.Level, now }, tx);
            if (recorded == 1 && verdict is not null)
            {
                var today = unit.Where(s => DateOnly.FromDateTime(s.OccurredAt.ToOffset(DailyAlertCounts.VietnamOffset).DateTime) == day).ToList();
                var topic = today.GroupBy(s => s.Topic).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
                var outcome = await HotSpotWriter.OpenOrRaiseAsync(connection, tx, unit.Key.Code, verdict.Level, verdict.Reason, null, topic,
                    settings, now, unit.Key.Kind, today.Select(s => s.ReportId));
                if (outcome.Changed is not null) events.Add(outcome.Changed);
                if (outcome.Alert is not null) events.Add(outcome.Alert);
            }
            await tx.CommitAsync(ct);
        }
        return events;
    }

    private static DateTimeOffset LocalMidnight(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), DailyAlertCounts.VietnamOffset).ToUniversalTime();
}
