using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Alerts.Cases;

/// <summary>
/// A person closes a hot spot with an outcome; its alerts stop escalating. Nothing else closes a hot
/// spot: the detector only opens and raises. The outcome stays on the row (and on the timeline if the
/// hot spot is reopened), so precision per detector reason can be measured later.
/// </summary>
public sealed class ResolveHotSpotConsumer(Database database) : IConsumer<ResolveHotSpot>
{
    public async Task Consume(ConsumeContext<ResolveHotSpot> context)
    {
        var result = await ResolveAsync(database, context.Message, context.CancellationToken);
        if (result.Changed is not null) await context.Publish(result.Changed);
    }

    private sealed record Closed
    {
        public string WorkplaceCode { get; init; } = null!;
        public string Level { get; init; } = null!;
    }

    public static async Task<CaseResult> ResolveAsync(Database database, ResolveHotSpot command, CancellationToken ct)
    {
        if (!CaseOutcomes.IsKnown(command.Outcome))
            return new CaseResult(CaseStatus.Invalid, $"Kết quả không hợp lệ / unknown outcome; one of: {string.Join(", ", CaseOutcomes.NamesVi.Keys)}");
        if (string.IsNullOrWhiteSpace(command.By))
            return new CaseResult(CaseStatus.Invalid, "Chỉ một người mới đóng được điểm nóng / only a person closes a hot spot");
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var closed = await connection.QuerySingleOrDefaultAsync<Closed>(
            """
            update hotspots set status = 'closed', closed_at = @At, closed_by = @By, outcome = @Outcome, outcome_note = @Note, updated_at = @At
            where id = @HotSpotId and status = 'open' returning workplace_code as WorkplaceCode, level
            """, new { command.At, command.By, command.Outcome, command.Note, command.HotSpotId }, tx);
        if (closed is null)
        {
            var exists = await connection.ExecuteScalarAsync<long>("select count(*) from hotspots where id = @HotSpotId", new { command.HotSpotId }, tx);
            return exists == 0 ? CaseResult.NotFound : new CaseResult(CaseStatus.Conflict, "Điểm nóng đã đóng / the hot spot is already closed");
        }
        await connection.ExecuteAsync("update alerts set status = 'resolved' where hotspot_id = @HotSpotId and status in ('open', 'acknowledged')", new { command.HotSpotId }, tx);
        await CaseTimeline.AddAsync(connection, tx, command.HotSpotId, "resolved", command.By,
            $"{command.Outcome}: {CaseOutcomes.NamesVi[command.Outcome]}{(string.IsNullOrWhiteSpace(command.Note) ? "" : " — " + command.Note.Trim())}", command.At);
        await tx.CommitAsync(ct);
        return new CaseResult(CaseStatus.Done, null, new HotSpotChanged(command.HotSpotId, closed.WorkplaceCode, closed.Level, "closed", "closed", command.At));
    }
}
