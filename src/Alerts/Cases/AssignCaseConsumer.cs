using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Alerts.Cases;

/// <summary>Gives a hot spot's case to a person or unit to follow up; the timeline keeps every hand-over.</summary>
public sealed class AssignCaseConsumer(Database database) : IConsumer<AssignCase>
{
    public Task Consume(ConsumeContext<AssignCase> context) => AssignAsync(database, context.Message, context.CancellationToken);

    public static async Task<CaseResult> AssignAsync(Database database, AssignCase command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.AssignedTo) || command.AssignedTo.Length > 200)
            return new CaseResult(CaseStatus.Invalid, "Cần người hoặc đơn vị nhận việc (tối đa 200 ký tự) / assignedTo is required (at most 200 characters)");
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var updated = await connection.ExecuteAsync("update hotspots set assigned_to = @AssignedTo, updated_at = @At where id = @HotSpotId",
            new { command.AssignedTo, command.At, command.HotSpotId }, tx);
        if (updated == 0) return CaseResult.NotFound;
        await CaseTimeline.AddAsync(connection, tx, command.HotSpotId, "assigned", command.By, command.AssignedTo, command.At);
        await tx.CommitAsync(ct);
        return CaseResult.Done;
    }
}
