using Dapper;
using Directive58.Surveys.Import;
using Directive58.Surveys.Tests.Support;

namespace Directive58.Surveys.Tests.Import;

public sealed class IdempotentImportTests : IAsyncLifetime
{
    private readonly SurveyHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private static readonly string[] Rows =
    [
        SurveyFiles.Row("BN-001", "2026-H1", [4, 3, 5, 2, 3, 4, 3, 5], "Tăng ca nhiều quá"),
        SurveyFiles.Row("BN-001", "2026-H1", [3, 3, 3, 3, 3, 3, 3, 3]),
        SurveyFiles.Row("BN-001", "2026-H1", [3, 3, 3, 3, 3, 3, 3, 3]),
    ];

    private async Task<(long Responses, long Comments)> CountsAsync()
    {
        await using var connection = await _host.Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<long>("select count(*) from survey_responses"),
                await connection.ExecuteScalarAsync<long>("select count(*) from survey_comments"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing()
    {
        var file = SurveyFiles.Utf8(SurveyFiles.Csv([SurveyFiles.TemplateHeader, .. Rows]));
        var first = await _host.ImportAsync(file);
        var again = await _host.ImportAsync(file);

        Assert.Equal(ImportStatus.Imported, first.Status);
        Assert.Equal(ImportStatus.AlreadyImported, again.Status);
        Assert.Equal(first.ImportId, again.ImportId);
        Assert.Equal((3L, 1L), await CountsAsync());
    }

    [Fact]
    public async Task Two_people_giving_identical_answers_in_one_file_are_two_responses()
    {
        var outcome = await _host.ImportAsync(SurveyFiles.Utf8(SurveyFiles.Csv([SurveyFiles.TemplateHeader, .. Rows])));

        Assert.Equal(3, outcome.RowsImported);
        Assert.Equal(0, outcome.RowsDuplicate);
    }

    [Fact]
    public async Task A_later_export_that_repeats_earlier_rows_in_another_encoding_and_column_order_adds_only_the_new_rows()
    {
        await _host.ImportAsync(SurveyFiles.Utf8(SurveyFiles.Csv([SurveyFiles.TemplateHeader, .. Rows])));
        // Same rows with wave and workplace swapped in position, UTF-16, and one new row at the end.
        string Swap(string line) { var c = line.Split(',', 3); return $"{c[1]},{c[0]},{c[2]}"; }
        var later = SurveyFiles.Csv([Swap(SurveyFiles.TemplateHeader), .. Rows.Select(Swap), Swap(SurveyFiles.Row("BN-001", "2026-H1", [1, 1, 1, 1, 1, 1, 1, 1]))]);

        var outcome = await _host.ImportAsync([.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(later)]);

        Assert.Equal(1, outcome.RowsImported);
        Assert.Equal(3, outcome.RowsDuplicate);
        Assert.Equal((4L, 1L), await CountsAsync());
    }
}
