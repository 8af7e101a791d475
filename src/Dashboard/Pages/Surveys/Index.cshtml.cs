using Dapper;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;

namespace Directive58.Dashboard.Pages.Surveys;

/// <summary>The questionnaires, their waves and the latest imports.</summary>
public sealed class IndexModel(Database database, QuestionnaireStore questionnaires, SurveyTallies tallies) : SurveyPage(database, questionnaires, tallies)
{
    public sealed record ImportRow
    {
        public string? FileName { get; init; }
        public string Format { get; init; } = null!;
        public string Encoding { get; init; } = null!;
        public int RowsImported { get; init; }
        public int RowsDuplicate { get; init; }
        public int RowsRejected { get; init; }
        public string? ImportedBy { get; init; }
        public DateTimeOffset ImportedAt { get; init; }
    }

    public Dictionary<Guid, IReadOnlyList<string>> WavesBySurvey { get; } = [];
    public IReadOnlyList<ImportRow> Imports { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadSurveyAsync();
        foreach (var q in Questionnaires) WavesBySurvey[q.Id] = await Tallies.WavesAsync(q.Id, HttpContext.RequestAborted);
        await using var connection = await Database.OpenAsync(HttpContext.RequestAborted);
        Imports = (await connection.QueryAsync<ImportRow>(
            """
            select file_name as FileName, format, encoding, rows_imported as RowsImported, rows_duplicate as RowsDuplicate, rows_rejected as RowsRejected,
                   imported_by as ImportedBy, imported_at as ImportedAt
            from survey_imports order by imported_at desc limit 10
            """)).ToList();
    }
}
