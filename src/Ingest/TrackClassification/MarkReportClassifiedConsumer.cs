using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Ingest.TrackClassification;

/// <summary>Marks a stored report classified, so the sweeper stops republishing it. Idempotent.</summary>
public sealed class MarkReportClassifiedConsumer(Database database) : IConsumer<ReportClassified>
{
    public async Task Consume(ConsumeContext<ReportClassified> context)
    {
        await using var connection = await database.OpenAsync(context.CancellationToken);
        await connection.ExecuteAsync(
            "update reports set status = 'classified', classified_at = @ClassifiedAt where id = @ReportId and status <> 'classified'",
            new { context.Message.ReportId, context.Message.ClassifiedAt });
    }
}
