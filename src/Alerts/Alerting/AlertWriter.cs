using System.Data.Common;
using Dapper;
using Directive58.Alerts.Detection;
using Directive58.Contracts;
using Directive58.Alerts.Routing;

namespace Directive58.Alerts.Alerting;

/// <summary>Stores an alert with its first recipients along the responsibility chain.</summary>
public static class AlertWriter
{
    public static async Task<AlertRaised> RaiseAsync(
        DbConnection connection, DbTransaction tx, Guid hotSpotId, string workplaceCode, string level, string topic, Guid? triggerReportId,
        AlertsOptions options, DateTimeOffset now, string unitKind = UnitKinds.Workplace)
    {
        var chain = await ResponsibilityChain.ForUnitAsync(connection, unitKind, workplaceCode, tx);
        var recipients = ResponsibilityChain.FirstRecipients(chain, level);
        var table = unitKind == UnitKinds.Zone ? "industrial_zones" : "workplaces";
        var workplaceName = await connection.ExecuteScalarAsync<string?>($"select name from {table} where code = @workplaceCode", new { workplaceCode }, tx) ?? workplaceCode;
        var topicName = Taxonomy.TopicNamesVi.GetValueOrDefault(topic, topic);
        var alert = new AlertRaised(
            Guid.CreateVersion7(now), hotSpotId, workplaceCode, level, $"{HotSpotLevel.NameVi(level)}: {workplaceName} — {topicName}",
            recipients.Select(r => r.Code).ToList(), now, now + options.DeadlineFor(level));
        // The stronger alert replaces the hot spot's older open one, which must not escalate on its own any more.
        await connection.ExecuteAsync("update alerts set status = 'superseded' where hotspot_id = @hotSpotId and status = 'open'", new { hotSpotId }, tx);
        await connection.ExecuteAsync(
            """
            insert into alerts (id, hotspot_id, workplace_code, unit_kind, level, title, status, trigger_report_id, raised_at, due_at, escalation_step, top_reached)
            values (@AlertId, @HotSpotId, @WorkplaceCode, @unitKind, @Level, @Title, 'open', @triggerReportId, @RaisedAt, @DueAt, 0, @topReached)
            """, new { alert.AlertId, alert.HotSpotId, alert.WorkplaceCode, unitKind, alert.Level, alert.Title, triggerReportId, alert.RaisedAt, alert.DueAt,
                topReached = ResponsibilityChain.NextAbove(chain, recipients.Select(r => (r.Kind, r.Code))) is null ? 1 : 0 }, tx);
        await connection.ExecuteAsync(
            "insert into alert_recipients (alert_id, unit_kind, unit_code, unit_name, step, added_at) values (@AlertId, @Kind, @Code, @Name, 0, @now) on conflict do nothing",
            recipients.Select(r => new { alert.AlertId, r.Kind, r.Code, r.Name, now }), tx);
        return alert;
    }

    /// <summary>Rebuilds the message of an alert already stored, for a redelivered trigger whose publish may have been lost.</summary>
    public static async Task<AlertRaised?> LoadByTriggerAsync(DbConnection connection, DbTransaction tx, Guid reportId)
    {
        var row = await connection.QuerySingleOrDefaultAsync<StoredAlert>(
            "select id, hotspot_id as HotSpotId, workplace_code as WorkplaceCode, level, title, raised_at as RaisedAt, due_at as DueAt from alerts where trigger_report_id = @reportId",
            new { reportId }, tx);
        if (row is null) return null;
        var units = await connection.QueryAsync<string>("select unit_code from alert_recipients where alert_id = @id and step = 0 order by unit_code", new { row.Id }, tx);
        return new AlertRaised(row.Id, row.HotSpotId, row.WorkplaceCode, row.Level, row.Title, units.ToList(), row.RaisedAt, row.DueAt);
    }

    private sealed record StoredAlert
    {
        public Guid Id { get; init; }
        public Guid HotSpotId { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Title { get; init; } = null!;
        public DateTimeOffset RaisedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
    }
}
