using System.Data.Common;
using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Alerts.Cases;
using Directive58.Alerts.Routing;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace Directive58.Alerts.Escalation;

/// <summary>
/// Escalates every open alert whose deadline has passed one step up the responsibility chain.
/// The deadline lives in the alert row (due_at, escalation_step), so it survives restarts. Exactly
/// once with any number of Alerts instances comes from the claim: an
/// <c>update … where status = 'open' and due_at &lt;= now and escalation_step = seen returning id</c>
/// that only one sweep can win for a given step (PostgreSQL re-checks the condition after the row
/// lock; SQLite has one writer). The scheduler only decides when to look.
/// The claim commits before <see cref="AlertEscalated"/> is published, so a crash or a broker outage
/// in between would leave the new recipients untold: <see cref="UnannouncedAsync"/> finds escalation
/// steps that have no delivery at all after a grace period and announces them again (the delivery
/// consumer skips what was already sent), the same at-least-once shape as Ingest's sweeper.
/// </summary>
public sealed class EscalationSweep(Database database, IOptions<AlertsOptions> options, TimeProvider clock)
{
    private sealed record DueAlert
    {
        public Guid Id { get; init; }
        public Guid HotSpotId { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string UnitKind { get; init; } = null!;
        public string Level { get; init; } = null!;
        public long EscalationStep { get; init; }
    }

    private sealed record Told
    {
        public string UnitKind { get; init; } = null!;
        public string UnitCode { get; init; } = null!;
    }

    /// <summary>Escalates what is due now; returns the escalations this call won, to be published.</summary>
    public async Task<IReadOnlyList<AlertEscalated>> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<DueAlert> due;
        await using (var connection = await database.OpenAsync(ct))
            due = (await connection.QueryAsync<DueAlert>(
                """
                select id, hotspot_id as HotSpotId, workplace_code as WorkplaceCode, unit_kind as UnitKind, level, escalation_step as EscalationStep
                from alerts where status = 'open' and top_reached = 0 and due_at <= @now order by due_at limit 200
                """, new { now })).ToList();

        var escalated = new List<AlertEscalated>();
        foreach (var alert in due)
            // One unit per alert through the store's writer (group commit on SQLite).
            if (await database.WriteAsync((connection, tx, _) => EscalateAsync(connection, tx, alert, now), ct) is { } done)
                escalated.Add(done);
        return escalated;
    }

    private async Task<AlertEscalated?> EscalateAsync(DbConnection connection, DbTransaction tx, DueAlert alert, DateTimeOffset now)
    {
        var chain = await ResponsibilityChain.ForUnitAsync(connection, alert.UnitKind, alert.WorkplaceCode, tx);
        var told = (await connection.QueryAsync<Told>("select unit_kind as UnitKind, unit_code as UnitCode from alert_recipients where alert_id = @Id", new { alert.Id }, tx))
            .Select(t => (t.UnitKind, t.UnitCode)).ToList();
        var next = ResponsibilityChain.NextAbove(chain, told);
        var step = (int)alert.EscalationStep + 1;
        var topReached = next is null || ResponsibilityChain.NextAbove(chain, told.Append((next.Kind, next.Code))) is null;
        var nextDue = now + options.Value.DeadlineFor(alert.Level);
        var claimed = await connection.ExecuteScalarAsync<Guid?>(
            """
            update alerts set escalation_step = @step, due_at = @nextDue, top_reached = @top
            where id = @Id and status = 'open' and top_reached = 0 and due_at <= @now and escalation_step = @EscalationStep
            returning id
            """, new { step, nextDue, top = topReached ? 1 : 0, alert.Id, now, alert.EscalationStep }, tx);
        // Lost the claim to another instance, or nobody is left above: nothing to announce.
        if (claimed is null || next is null) return null;
        await connection.ExecuteAsync(
            "insert into alert_recipients (alert_id, unit_kind, unit_code, unit_name, step, added_at) values (@Id, @Kind, @Code, @Name, @step, @now) on conflict do nothing",
            new { alert.Id, next.Kind, next.Code, next.Name, step, now }, tx);
        await CaseTimeline.AddAsync(connection, tx, alert.HotSpotId, "escalated", null,
            $"Chưa được xác nhận đúng hạn, chuyển lên / not acknowledged in time, escalated to: {next.Name}", now);
        return new AlertEscalated(alert.Id, alert.WorkplaceCode, step, next.Code, now, topReached ? null : nextDue);
    }

    /// <summary>
    /// After a day a step still without delivery is not the broker's doing (its delivery message is in
    /// an error queue, where `errors list` and /metrics show it): announcing it every minute would not help.
    /// </summary>
    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    /// <summary>Escalations claimed at least <paramref name="grace"/> ago (and less than a day) whose step has no delivery recorded, to be published again.</summary>
    public async Task<IReadOnlyList<AlertEscalated>> UnannouncedAsync(TimeSpan grace, CancellationToken ct = default)
    {
        // In-app delivery is recorded for every recipient at once; without it a step whose unit has no
        // contact leaves no trace to look for, and would be announced again on every sweep.
        if (!options.Value.Channels.InApp.Enabled) return [];
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Unannounced>(
            """
            select r.alert_id as AlertId, a.workplace_code as WorkplaceCode, r.step, r.unit_code as UnitCode, r.added_at as AddedAt,
                   a.due_at as DueAt, a.top_reached as TopReached, a.escalation_step as EscalationStep
            from alert_recipients r join alerts a on a.id = r.alert_id
            where r.step > 0 and a.status = 'open' and r.added_at <= @cutoff and r.added_at > @giveUp
              and not exists (select 1 from alert_deliveries d where d.alert_id = r.alert_id and d.escalation_step = r.step)
            order by r.added_at limit 200
            """, new { cutoff = clock.GetUtcNow() - grace, giveUp = clock.GetUtcNow() - GiveUpAfter });
        // The next deadline is known only for the latest step; an older step's is long past.
        return rows.Select(r => new AlertEscalated(r.AlertId, r.WorkplaceCode, (int)r.Step, r.UnitCode, r.AddedAt,
            r.Step == r.EscalationStep && r.TopReached == 0 ? r.DueAt : null)).ToList();
    }

    private sealed record Unannounced
    {
        public Guid AlertId { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public long Step { get; init; }
        public string UnitCode { get; init; } = null!;
        public DateTimeOffset AddedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
        public long TopReached { get; init; }
        public long EscalationStep { get; init; }
    }
}
