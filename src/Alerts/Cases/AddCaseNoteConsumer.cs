using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Alerts.Cases;

/// <summary>Adds an officer's note to a hot spot's timeline.</summary>
public sealed class AddCaseNoteConsumer(Database database) : IConsumer<AddCaseNote>
{
    public Task Consume(ConsumeContext<AddCaseNote> context) => AddAsync(database, context.Message, context.CancellationToken);

    public static async Task<CaseResult> AddAsync(Database database, AddCaseNote command, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Note) || command.Note.Length > 4000)
            return new CaseResult(CaseStatus.Invalid, "Ghi chú trống hoặc quá 4000 ký tự / the note is empty or longer than 4000 characters");
        await using var connection = await database.OpenAsync(ct);
        var exists = await connection.ExecuteScalarAsync<long>("select count(*) from hotspots where id = @HotSpotId", new { command.HotSpotId });
        if (exists == 0) return CaseResult.NotFound;
        await CaseTimeline.AddAsync(connection, null, command.HotSpotId, "note", command.By, command.Note.Trim(), command.At);
        return CaseResult.Done;
    }
}
