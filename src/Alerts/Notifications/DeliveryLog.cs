using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Alerts.Notifications;

/// <summary>`alert_deliveries`: one row per attempt to reach a unit's contact over a channel (status sent | failed).</summary>
public sealed class DeliveryLog(Database database)
{
    public sealed record Attempt(
        Guid AlertId, int Step, string UnitKind, string UnitCode, Guid? ContactId, string Channel, string? Address, int Number, string Status, string? Error, DateTimeOffset At);

    public sealed record Delivery
    {
        public Guid AlertId { get; init; }
        public long EscalationStep { get; init; }
        public required string UnitKind { get; init; }
        public required string UnitCode { get; init; }
        public Guid? ContactId { get; init; }
        public required string Channel { get; init; }
        public long Attempt { get; init; }
        public required string Status { get; init; }
        public string? Error { get; init; }
        public DateTimeOffset At { get; init; }
    }

    public async Task RecordAsync(Attempt a, CancellationToken ct)
    {
        await database.WriteAsync((connection, tx, _) => connection.ExecuteAsync(
            """
            insert into alert_deliveries (id, alert_id, escalation_step, unit_kind, unit_code, contact_id, channel, address, attempt, status, error, at)
            values (@id, @AlertId, @Step, @UnitKind, @UnitCode, @ContactId, @Channel, @Address, @Number, @Status, @Error, @At)
            """, new { id = Guid.CreateVersion7(a.At), a.AlertId, a.Step, a.UnitKind, a.UnitCode, a.ContactId, a.Channel, a.Address, a.Number, a.Status,
                Error = a.Error is { Length: > 500 } e ? e[..500] : a.Error, a.At }, tx), ct);
    }

    /// <summary>(unit, contact, channel) already reached for this alert and step: a redelivered event must not send twice.</summary>
    public async Task<HashSet<(string UnitCode, Guid? ContactId, string Channel)>> SentAsync(Guid alertId, int step, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Delivery>(
            """
            select alert_id as AlertId, escalation_step as EscalationStep, unit_kind as UnitKind, unit_code as UnitCode, contact_id as ContactId,
                   channel, attempt, status, error, at
            from alert_deliveries where alert_id = @alertId and escalation_step = @step and status = 'sent'
            """, new { alertId, step });
        return rows.Select(r => (r.UnitCode, r.ContactId, r.Channel)).ToHashSet();
    }

    /// <summary>The deliveries of some alerts, without addresses: the API shows who was reached how, not their phone numbers.</summary>
    public static async Task<ILookup<Guid, Delivery>> ForAlertsAsync(System.Data.Common.DbConnection connection, IReadOnlyList<Guid> alertIds)
    {
        if (alertIds.Count == 0) return Array.Empty<Delivery>().ToLookup(d => d.AlertId);
        var parameters = new DynamicParameters();
        for (var i = 0; i < alertIds.Count; i++) parameters.Add("a" + i, alertIds[i]);
        var rows = await connection.QueryAsync<Delivery>(
            $"""
            select alert_id as AlertId, escalation_step as EscalationStep, unit_kind as UnitKind, unit_code as UnitCode, contact_id as ContactId,
                   channel, attempt, status, error, at
            from alert_deliveries where alert_id in ({string.Join(",", alertIds.Select((_, i) => "@a" + i))}) order by at, id
            """, parameters);
        return rows.ToLookup(r => r.AlertId);
    }
}
