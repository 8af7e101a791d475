using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Alerts.Alerting;

/// <summary>Acknowledges an alert once; the first acknowledgement wins and is announced.</summary>
public sealed class AcknowledgeAlertConsumer(Database database) : IConsumer<AcknowledgeAlert>
{
    public async Task Consume(ConsumeContext<AcknowledgeAlert> context)
    {
        var acknowledged = await AcknowledgeAsync(database, context.Message, context.CancellationToken);
        if (acknowledged is not null) await context.Publish(acknowledged);
    }

    /// <summary>Returns the event when this call acknowledged the alert; null when unknown or already acknowledged.</summary>
    public static async Task<AlertAcknowledged?> AcknowledgeAsync(Database database, AcknowledgeAlert command, CancellationToken ct)
    {
        // Through the store's writer (group commit on SQLite), so an officer's click does not wait behind the report pipeline's batches.
        var row = await database.WriteAsync(async (connection, tx, _) =>
        {
            var acknowledged = await connection.QuerySingleOrDefaultAsync<Acknowledged>(
                "update alerts set status = 'acknowledged', acknowledged_at = @At, acknowledged_by = @By where id = @AlertId and status = 'open' returning workplace_code as WorkplaceCode, hotspot_id as HotSpotId",
                new { command.AlertId, command.At, command.By }, tx);
            if (acknowledged is not null) await Cases.CaseTimeline.AddAsync(connection, tx, acknowledged.HotSpotId, "acknowledged", command.By, null, command.At);
            return acknowledged;
        }, ct);
        return row is null ? null : new AlertAcknowledged(command.AlertId, row.WorkplaceCode, command.By, command.At);
    }

    private sealed record Acknowledged
    {
        public string WorkplaceCode { get; init; } = null!;
        public Guid HotSpotId { get; init; }
    }
}
