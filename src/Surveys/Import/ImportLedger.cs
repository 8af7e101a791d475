using System.Text.Json;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Surveys.Import;

/// <summary>What the importer reads and records around the rows: earlier imports of the same file, the import record, workplace codes, stored row hashes.</summary>
public static class ImportLedger
{
    public static async Task<ImportOutcome?> EarlierAsync(Database database, Guid surveyId, string fileHash, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var earlier = await connection.QuerySingleOrDefaultAsync<ImportRecord>(
            "select id, format, encoding, rows_read as RowsRead, rows_imported as RowsImported, rows_duplicate as RowsDuplicate, rows_rejected as RowsRejected from survey_imports where survey_id = @surveyId and file_hash = @fileHash",
            new { surveyId, fileHash });
        return earlier is null ? null : new ImportOutcome
        {
            Status = ImportStatus.AlreadyImported, ImportId = earlier.Id, Format = earlier.Format, Encoding = earlier.Encoding, RowsRead = earlier.RowsRead,
            Message = "Tệp này đã được nhập trước đó; không có gì thay đổi. This file was imported before; nothing changed.",
        };
    }

    private sealed record ImportRecord
    {
        public Guid Id { get; init; }
        public string Format { get; init; } = null!;
        public string Encoding { get; init; } = null!;
        public int RowsRead { get; init; }
        public int RowsImported { get; init; }
        public int RowsDuplicate { get; init; }
        public int RowsRejected { get; init; }
    }

    public static async Task RecordAsync(Database database, ImportRequest request, Guid importId, string fileHash, ImportOutcome o, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            """
            insert into survey_imports (id, survey_id, file_hash, file_name, format, encoding, rows_read, rows_imported, rows_duplicate, rows_rejected, dropped_columns, errors, imported_by, imported_at)
            values (@importId, @SurveyId, @fileHash, @FileName, @Format, @Encoding, @RowsRead, @RowsImported, @RowsDuplicate, @RowsRejected, @dropped, @errors, @ImportedBy, @now)
            on conflict (survey_id, file_hash) do nothing
            """,
            new
            {
                importId, request.SurveyId, fileHash, request.FileName, o.Format, o.Encoding, o.RowsRead, o.RowsImported, o.RowsDuplicate, o.RowsRejected,
                dropped = JsonSerializer.Serialize(o.DroppedColumns.Select(d => d.Header)), errors = JsonSerializer.Serialize(o.Errors), request.ImportedBy, now,
            });
    }

    /// <summary>The registry's workplace codes, matched case-insensitively to what a file says.</summary>
    public static async Task<Dictionary<string, string>> WorkplacesAsync(Database database, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>("select code from workplaces")).ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The row hashes already stored for a questionnaire: rows that are already in are skipped in memory.</summary>
    public static async Task<HashSet<string>> RowHashesAsync(Database database, Guid surveyId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>("select row_hash from survey_responses where survey_id = @surveyId", new { surveyId })).ToHashSet();
    }
}
