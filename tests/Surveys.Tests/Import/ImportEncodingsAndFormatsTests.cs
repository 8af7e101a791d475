using Dapper;
using Directive58.Surveys.Import;
using Directive58.Surveys.Tests.Import.Encodings;
using Directive58.Surveys.Tests.Support;

namespace Directive58.Surveys.Tests.Import;

public sealed class ImportEncodingsAndFormatsTests : IAsyncLifetime
{
    private readonly SurveyHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private const string Wish = "Mong công ty trả lương đúng hạn, tăng phụ cấp nhà trọ";
    private const string Complaint = "Bữa ăn ca nguội, tổ trưởng quát mắng người lao động";

    private static string File() => SurveyFiles.Csv(
        SurveyFiles.TemplateHeader,
        SurveyFiles.Row("BN-001", "2026-H1", [4, 3, 5, 2, 3, 4, 3, 5], Wish, Complaint),
        SurveyFiles.Row("BN-001", "2026-H1", [2, 2, 3, 1, 2, 3, 2, 4]));

    private async Task<List<string>> CommentsAsync()
    {
        await using var connection = await _host.Database.OpenAsync();
        return (await connection.QueryAsync<string>("select text from survey_comments order by question_id desc")).ToList();
    }

    [Theory]
    [MemberData(nameof(TextEncodingDetectorTests.Encodings), MemberType = typeof(TextEncodingDetectorTests))]
    public async Task A_CSV_file_in_each_encoding_imports_its_Vietnamese_text_as_Unicode(string encoding)
    {
        var outcome = await _host.ImportAsync(TextEncodingDetectorTests.Encode(File(), encoding));

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal(encoding, outcome.Encoding);
        Assert.Equal(2, outcome.RowsImported);
        Assert.Equal([Wish, Complaint], await CommentsAsync());
    }

    [Fact]
    public async Task A_semicolon_separated_file_as_Excel_writes_it_in_Vietnamese_locales_imports()
    {
        var outcome = await _host.ImportAsync(SurveyFiles.Utf8(File().Replace(",", ";").Replace("; ", ", "), bom: true));

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal(2, outcome.RowsImported);
        Assert.Contains(Wish, await CommentsAsync());
    }

    [Fact]
    public async Task An_XLSX_workbook_imports_with_numbers_and_text_cells()
    {
        var header = SurveyFiles.TemplateHeader.Split(',');
        var workbook = SurveyFiles.Xlsx(
        [
            header,
            ["BN-002", "2026-H1", 4, 4, 5, 3, 3, 4, 4, 5, Wish, null],
            ["BN-002", "2026-H1", 1.0, 2, 2, 1, 2, 1, 2, 1, null, Complaint],
        ]);

        var outcome = await _host.ImportAsync(workbook);

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.Equal("xlsx", outcome.Format);
        Assert.Equal(2, outcome.RowsImported);
        Assert.Equal([Wish, Complaint], await CommentsAsync());
        await using var connection = await _host.Database.OpenAsync();
        Assert.Equal(["{\"pay\":1,\"hours\":2,\"safety\":2,\"meals\":1,\"housing\":2,\"managers\":1,\"union\":2,\"stay\":1}", "{\"pay\":4,\"hours\":4,\"safety\":5,\"meals\":3,\"housing\":3,\"managers\":4,\"union\":4,\"stay\":5}"],
            (await connection.QueryAsync<string>("select scores from survey_responses order by scores")).ToList());
    }
}
