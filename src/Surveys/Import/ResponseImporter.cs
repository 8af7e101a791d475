using System.Text.RegularExpressions;
using Dapper;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Indices;
using Directive58.Surveys.Import.Reading;
using Directive58.Surveys.Questionnaires;

namespace Directive58.Surveys.Import;

/// <summary>
/// Imports survey responses from a CSV or XLSX file as it streams, in batches of 2,000 rows:
/// identifying columns dropped, free text masked, each row checked (a bad row is reported, the
/// rest go in), and every row keyed by a hash of its non-identifying cells so that importing the
/// same file again — or a later export that repeats earlier rows — adds nothing. Afterwards the
/// free-text answers go to the classifier and the workplaces' indices are checked for drops.
/// </summary>
public sealed partial class ResponseImporter(
    Database database, QuestionnaireStore questionnaires, ColumnMapping mappings, CommentPublisher publisher,
    IndexDropDetector drops, TimeProvider clock)
{
    public const int BatchSize = 2000;
    public const int MaxErrors = 1000;
    public const int MaxTextLength = 4000;
    private const int SampleRows = 200;

    public async Task<ImportOutcome?> ImportAsync(ImportRequest request, Stream file, string fileHash, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (await questionnaires.FindAsync(request.SurveyId, ct) is not { } q) return null;
        if (await ImportLedger.EarlierAsync(database, request.SurveyId, fileHash, ct) is { } earlier) return earlier;
        file.Position = 0;

        using var table = Tables.Open(file);
        if (table.Header.Count == 0)
            return new ImportOutcome { Status = ImportStatus.Unreadable, Format = table.Format, Encoding = table.Encoding, Message = "Tệp không có dòng tiêu đề. The file has no header row." };
        using var rows = table.Rows().GetEnumerator();
        var sample = new List<TableRow>();
        while (sample.Count < SampleRows && rows.MoveNext()) sample.Add(rows.Current);

        var dropped = IdentifyingColumns.Find(table.Header, sample.Select(r => r.Cells).ToList());
        var mapping = await ResolveMappingAsync(q, table.Header, request, dropped, ct);
        var missing = Missing(q, mapping, request);
        if (missing.Count > 0)
            return new ImportOutcome
            {
                Status = ImportStatus.NeedsMapping, Format = table.Format, Encoding = table.Encoding, Header = table.Header, DroppedColumns = dropped, Mapping = mapping, Missing = missing,
                Message = "Cần ghép cột với câu hỏi (mapping). Map the columns to the questionnaire: " + string.Join(", ", missing),
            };

        var plan = new RowPlan(q, table.Header, mapping, dropped, request, await ImportLedger.WorkplacesAsync(database, ct));
        var importId = Guid.CreateVersion7(clock.GetUtcNow());
        var now = clock.GetUtcNow();
        var seen = await ImportLedger.RowHashesAsync(database, request.SurveyId, ct);
        var occurrences = new Dictionary<string, int>();
        var errors = new List<RowError>();
        var touched = new HashSet<(string Workplace, string Wave)>();
        var (read, imported, duplicates, rejected, comments) = (0, 0, 0, 0, 0);
        var responses = new List<StoredResponse>(BatchSize);
        var batchComments = new List<StoredComment>();

        await using var connection = await database.OpenAsync(ct);
        // Ids and row hashes arrive in random order: with SQLite's default 2 MiB page cache the index pages churn through the WAL.
        if (!database.IsPostgres) await connection.ExecuteAsync("PRAGMA cache_size = -65536");
        foreach (var row in sample.Concat(Remaining(rows)))
        {
            read++;
            var parsed = plan.Parse(row);
            if (parsed.Errors.Count > 0)
            {
                rejected++;
                foreach (var e in parsed.Errors) if (errors.Count < MaxErrors) errors.Add(e);
                continue;
            }
            // Identical answers from two people in one file are two responses: the occurrence number tells them apart.
            var content = SyntheticIds.Hash(request.SurveyId + "\u001F" + parsed.Content);
            var n = occurrences[content] = occurrences.GetValueOrDefault(content) + 1;
            var rowHash = n == 1 ? content : $"{content}#{n}";
            if (!seen.Add(rowHash)) { duplicates++; continue; }
            var responseId = SyntheticIds.From("response", request.SurveyId.ToString(), rowHash);
            responses.Add(new StoredResponse(responseId, parsed.Workplace!, parsed.Wave!, rowHash, parsed.Scores!));
            foreach (var (questionId, text) in parsed.Texts)
                batchComments.Add(new StoredComment(SyntheticIds.From("comment", request.SurveyId.ToString(), rowHash, questionId), responseId, parsed.Workplace!, parsed.Wave!, questionId, text));
            touched.Add((parsed.Workplace!, parsed.Wave!));
            if (responses.Count >= BatchSize) await FlushAsync();
            if (read % BatchSize == 0) progress?.Report(new ImportProgress(read, imported + responses.Count, duplicates, rejected));
        }
        await FlushAsync();
        progress?.Report(new ImportProgress(read, imported, duplicates, rejected));

        var outcome = new ImportOutcome
        {
            Status = ImportStatus.Imported, ImportId = importId, Format = table.Format, Encoding = table.Encoding, RowsRead = read, RowsImported = imported,
            RowsDuplicate = duplicates, RowsRejected = rejected, Comments = comments, Errors = errors, DroppedColumns = dropped, Header = table.Header, Mapping = mapping,
        };
        await ImportLedger.RecordAsync(database, request, importId, fileHash, outcome, now, ct);
        await mappings.SaveAsync(request.SurveyId, ColumnMapping.SourceKeys(table.Header, request.Source), mapping, ct);
        await publisher.PublishImportAsync(importId, ct);
        await drops.CheckAsync(q, touched, ct);
        return outcome;

        async Task FlushAsync()
        {
            if (responses.Count == 0) return;
            await ResponseWriter.WriteAsync(database, connection, request.SurveyId, importId, now, responses, batchComments, ct);
            imported += responses.Count;
            comments += batchComments.Count;
            responses.Clear();
            batchComments.Clear();
        }
    }

    private static IEnumerable<TableRow> Remaining(IEnumerator<TableRow> rows)
    {
        while (rows.MoveNext()) yield return rows.Current;
    }

    private async Task<Dictionary<string, string>> ResolveMappingAsync(Questionnaire q, IReadOnlyList<string> header, ImportRequest request, IReadOnlyList<IdentifyingColumns.Dropped> dropped, CancellationToken ct)
    {
        var mapping = ColumnMapping.Auto(header, q);
        var saved = await mappings.LoadAsync(q.Id, ColumnMapping.SourceKeys(header, request.Source), ct);
        foreach (var layer in new[] { saved, request.Mapping })
        {
            if (layer is null) continue;
            foreach (var (column, target) in layer)
            {
                if (!header.Contains(column)) continue;
                foreach (var other in mapping.Where(m => m.Value == target && m.Key != column).Select(m => m.Key).ToList()) mapping.Remove(other);
                if (string.IsNullOrWhiteSpace(target) || !ColumnMapping.Targets(q).Contains(target)) mapping.Remove(column);
                else mapping[column] = target;
            }
        }
        // A column that identifies a person is never read, whatever the mapping says.
        foreach (var d in dropped) mapping.Remove(d.Header);
        return mapping;
    }

    private static List<string> Missing(Questionnaire q, Dictionary<string, string> mapping, ImportRequest request)
    {
        var missing = new List<string>();
        if (!mapping.ContainsValue(QuestionnaireEndpoints.WorkplaceColumn) && string.IsNullOrWhiteSpace(request.WorkplaceCode)) missing.Add(QuestionnaireEndpoints.WorkplaceColumn);
        if (!mapping.ContainsValue(QuestionnaireEndpoints.WaveColumn) && string.IsNullOrWhiteSpace(request.Wave)) missing.Add(QuestionnaireEndpoints.WaveColumn);
        if (!q.Questions.Any(x => mapping.ContainsValue(x.Id))) missing.Add("questions");
        return missing;
    }

    [GeneratedRegex(@"^(\d{4})-?H([12])$", RegexOptions.IgnoreCase)]
    internal static partial Regex WavePattern();
}
