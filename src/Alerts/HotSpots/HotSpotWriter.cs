using System.Data.Common;
using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Alerts.Cases;
using Directive58.Alerts.Routing;
using Directive58.Contracts;

namespace Directive58.Alerts.HotSpots;

/// <summary>
/// Opens a hot spot for a unit (a workplace, or an industrial zone) or adds evidence to its open one,
/// raising its level (and a new alert) when the evidence is stronger. One open hot spot per unit,
/// enforced by a unique index. Never closes one: only a person does (Cases/ResolveHotSpot).
/// </summary>
public static class HotSpotWriter
{
    public sealed record Outcome(HotSpotChanged? Changed, AlertRaised? Alert);

    public static async Task<Outcome> OpenOrRaiseAsync(
        DbConnection connection, DbTransaction tx, string workplaceCode, string level, string reason, Guid? reportId, string topic,
        AlertsOptions options, DateTimeOffset now, string unitKind = UnitKinds.Workplace, IEnumerable<Guid>? moreEvidence = null)
    {
        var open = await FindOpenAsync(connection, tx, unitKind, workplaceCode);
        string change;
        if (open is null)
        {
            var id = Guid.CreateVersion7(now);
            var inserted = await connection.ExecuteAsync(
                """
                insert into hotspots (id, workplace_code, unit_kind, level, status, reason, opened_at, updated_at)
                values (@id, @workplaceCode, @unitKind, @level, 'open', @reason, @now, @now) on conflict do nothing
                """, new { id, workplaceCode, unitKind, level, reason, now }, tx);
            open = inserted == 1 ? new OpenHotSpot { Id = id, Level = level } : await FindOpenAsync(connection, tx, unitKind, workplaceCode);
            change = inserted == 1 ? "opened" : "updated";
        }
        else change = "updated";

        var evidence = (reportId is { } r ? new[] { r } : []).Concat(moreEvidence ?? []).Distinct();
        await connection.ExecuteAsync("insert into hotspot_evidence (hotspot_id, report_id, added_at) values (@id, @r, @now) on conflict do nothing",
            evidence.Select(e => new { id = open!.Id, r = e, now }), tx);

        var raise = change == "opened" || HotSpotLevel.Rank(level) > HotSpotLevel.Rank(open!.Level);
        if (!raise)
        {
            await connection.ExecuteAsync("update hotspots set updated_at = @now where id = @id", new { id = open!.Id, now }, tx);
            return new Outcome(null, null);
        }
        if (change != "opened")
        {
            change = "raised";
            await connection.ExecuteAsync("update hotspots set level = @level, reason = @reason, updated_at = @now where id = @id",
                new { id = open!.Id, level, reason, now }, tx);
        }
        var alert = await AlertWriter.RaiseAsync(connection, tx, open!.Id, workplaceCode, level, topic, reportId, options, now, unitKind);
        // The detector's reason is kept on the timeline, so precision can later be measured per reason and outcome.
        await CaseTimeline.AddAsync(connection, tx, open.Id, change, null, $"{level}: {reason} → {string.Join(", ", alert.RecipientUnits)}", now);
        return new Outcome(new HotSpotChanged(open.Id, workplaceCode, level, "open", change, now), alert);
    }

    private sealed record OpenHotSpot
    {
        public Guid Id { get; init; }
        public string Level { get; init; } = null!;
    }

    private static Task<OpenHotSpot?> FindOpenAsync(DbConnection connection, DbTransaction tx, string unitKind, string workplaceCode) =>
        connection.QuerySingleOrDefaultAsync<OpenHotSpot>(
            "select id, level from hotspots where unit_kind = @unitKind and workplace_code = @workplaceCode and status = 'open'",
            new { unitKind, workplaceCode }, tx);
}
