using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace Directive58.Alerts.Silence;

/// <summary>
/// Flags workplaces whose active collaborators (those who reported within
/// <see cref="Detection.DailyDetectionOptions.ActiveWindow"/> before the silence) have all sent
/// nothing for <see cref="Detection.DailyDetectionOptions.SilenceAfter"/> (30 days by default).
/// A separate flag, not a `watch` hot spot: silence is the absence of evidence, and what an analyst
/// does about it (call the grassroots union, find a new collaborator, check the firm still operates)
/// is not a grievance case; as a hot spot it would escalate to committees on a deadline and later
/// count as an "unfounded" outcome against the detector's precision. One flag per silence episode;
/// a new report from anyone clears it.
/// </summary>
public sealed class SilenceCheck(Database database, IOptions<AlertsOptions> options, TimeProvider clock)
{
    private sealed record Silent
    {
        public string WorkplaceCode { get; init; } = null!;
        public long Active { get; init; }
        public DateTimeOffset LastReportAt { get; init; }
    }

    public async Task<IReadOnlyList<WorkplaceFellSilent>> RunAsync(CancellationToken ct = default)
    {
        var d = options.Value.Detection;
        var now = clock.GetUtcNow();
        var silenceStart = now - d.SilenceAfter;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(
            """
            update silent_workplaces set cleared_at = @now
            where cleared_at is null and exists (select 1 from report_signals s where s.workplace_code = silent_workplaces.workplace_code and s.occurred_at > silent_workplaces.last_report_at)
            """, new { now }, tx);
        var silent = await connection.QueryAsync<Silent>(
            """
            select workplace_code as WorkplaceCode, count(distinct reporter_ref) as Active, max(occurred_at) as LastReportAt
            from report_signals where reporter_ref is not null and occurred_at >= @activeFrom
            group by workplace_code having max(occurred_at) < @silenceStart
            """, new { activeFrom = silenceStart - d.ActiveWindow, silenceStart }, tx);
        var flagged = new List<WorkplaceFellSilent>();
        foreach (var s in silent)
        {
            var inserted = await connection.ExecuteAsync(
                """
                insert into silent_workplaces (workplace_code, silent_since, last_report_at, active_reporters, flagged_at)
                values (@WorkplaceCode, @LastReportAt, @LastReportAt, @Active, @now) on conflict do nothing
                """, new { s.WorkplaceCode, s.LastReportAt, s.Active, now }, tx);
            if (inserted == 1) flagged.Add(new WorkplaceFellSilent(s.WorkplaceCode, s.LastReportAt, (int)s.Active, now));
        }
        await tx.CommitAsync(ct);
        return flagged;
    }
}
