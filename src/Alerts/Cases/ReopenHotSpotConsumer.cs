using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Alerts.Cases;

/// <summary>
/// A person reopens a closed hot spot. Refused while another hot spot of the same unit is open (one
/// open hot spot per unit): new evidence already went there. The earlier outcome stays on the timeline.
/// </summary>
public sealed class ReopenHotSpotConsumer(Database database) : IConsumer<ReopenHotSpot>
{
    public async Task Consume(ConsumeContext<ReopenHotSpot> context)
    {
        var result = await ReopenAsync(database, context.Message, context.CancellationToken);
        if (result.Changed is not null) await context.Publish(result.Changed);
    }

    private sealed record Row
    {
        public string WorkplaceCode { get; init; } = null!;
        public string UnitKind { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Status { get; init; } = null!;
    }

    public static async Task<CaseResult> ReopenAsync(Database database, ReopenHotSpot command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.By))
            return new CaseResult(CaseStatus.Invalid, "Chỉ một người mới mở lại được điểm nóng / only a person reopens a hot spot");
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            "select workplace_code as WorkplaceCode, unit_kind as UnitKind, level, status from hotspots where id = @HotSpotId", new { command.HotSpotId }, tx);
        if (row is null) return CaseResult.NotFound;
        if (row.Status != "closed") return new CaseResult(CaseStatus.Conflict, "Điểm nóng đang mở / the hot spot is open");
        var otherOpen = await connection.ExecuteScalarAsync<long>(
            "select count(*) from hotspots where unit_kind = @UnitKind and workplace_code = @WorkplaceCode and status = 'open'", row, tx);
        if (otherOpen > 0)
            return new CaseResult(CaseStatus.Conflict, "Đơn vị này đã có một điểm nóng đang mở / another hot spot of this unit is open");
        await connection.ExecuteAsync(
            "update hotspots set status = 'open', closed_at = null, closed_by = null, outcome = null, outcome_note = null, updated_at = @At where id = @HotSpotId and status = 'closed'",
            new { command.At, command.HotSpotId }, tx);
        await CaseTimeline.AddAsync(connection, tx, command.HotSpotId, "reopened", command.By, command.Reason, command.At);
        await tx.CommitAsync(ct);
        return new CaseResult(CaseStatus.Done, null, new HotSpotChanged(command.HotSpotId, row.WorkplaceCode, row.Level, "open", "reopened", command.At));
    }
}
