using Directive58.Surveys.Import;
using Directive58.Surveys.Tests.Support;

namespace Directive58.Surveys.Tests.Import;

public sealed class MalformedRowsTests : IAsyncLifetime
{
    private readonly SurveyHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Bad_rows_are_reported_by_row_number_and_column_while_good_rows_import()
    {
        var file = SurveyFiles.Csv(
            SurveyFiles.TemplateHeader,
            SurveyFiles.Row("BN-001", "2026-H1", [4, 3, 5, 2, 3, 4, 3, 5]),      // row 2: fine
            SurveyFiles.Row("BN-001", "2026-H1", [4, 7, 5, 2, 3, 4, 3, 5]),      // row 3: 7 is off the scale
            SurveyFiles.Row("XX-999", "2026-H1", [4, 3, 5, 2, 3, 4, 3, 5]),      // row 4: unknown workplace
            SurveyFiles.Row("BN-001", "mùa thu", [4, 3, 5, 2, 3, 4, 3, 5]),      // row 5: not a wave
            "BN-001,2026-H1,,,,,,,,,,",                                           // row 6: answers nothing
            "BN-001,2026-H1,3 - Bình thường,Hài lòng,hai long,4.0,,,,,,",         // row 7: fine, labels and spreadsheet numbers
            "BN-001,2026-H1,3,4,\"unterminated,5,5,5,5,5,,");                     // row 8: broken quoting

        var outcome = await _host.ImportAsync(SurveyFiles.Utf8(file));

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal(2, outcome.RowsImported);
        Assert.Equal(5, outcome.RowsRejected);
        var errors = outcome.Errors.Select(e => (e.Row, e.Column)).ToList();
        Assert.Contains((3, "hours"), errors);
        Assert.Contains((4, "workplaceCode"), errors);
        Assert.Contains((5, "wave"), errors);
        Assert.Contains((6, (string?)null), errors);
        Assert.Contains(outcome.Errors, e => e.Row == 8 && e.Message.Contains("ngoặc kép"));
    }

    [Fact]
    public async Task A_file_without_a_header_row_is_unreadable()
    {
        var outcome = await _host.ImportAsync([]);

        Assert.Equal(ImportStatus.Unreadable, outcome.Status);
    }

    [Fact]
    public async Task The_error_report_masks_personal_data_it_quotes_from_a_bad_cell()
    {
        var file = SurveyFiles.Csv(SurveyFiles.TemplateHeader, "BN-001,2026-H1,goi 0912345678,3,3,3,3,3,3,3,,");

        var outcome = await _host.ImportAsync(SurveyFiles.Utf8(file));

        var error = Assert.Single(outcome.Errors);
        Assert.Contains("[SĐT]", error.Message);
        Assert.DoesNotContain("0912345678", error.Message);
    }
}
