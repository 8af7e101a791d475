using Directive58.Surveys.Import;
using Directive58.Surveys.Tests.Support;

namespace Directive58.Surveys.Tests.Import;

public sealed class ColumnMappingTests : IAsyncLifetime
{
    private readonly SurveyHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private static byte[] KoboExport(params string[] rows) =>
        SurveyFiles.Utf8(SurveyFiles.Csv(["_id,don_vi,dot,q_luong,q_an_ca,y_kien", .. rows]));

    private static readonly Dictionary<string, string> Mapping = new()
    {
        ["don_vi"] = "workplaceCode", ["dot"] = "wave", ["q_luong"] = "pay", ["q_an_ca"] = "meals", ["y_kien"] = "wishes", ["_id"] = "",
    };

    [Fact]
    public async Task An_unknown_layout_asks_for_a_mapping_and_says_what_is_missing()
    {
        var outcome = await _host.ImportAsync(KoboExport("1,BN-004,2026-H1,3,4,"));

        Assert.Equal(ImportStatus.NeedsMapping, outcome.Status);
        Assert.Equal(["workplaceCode", "questions"], outcome.Missing);
        Assert.Equal("wave", outcome.Mapping["dot"]);
    }

    [Fact]
    public async Task A_mapping_given_once_is_remembered_for_the_next_file_with_the_same_columns()
    {
        var first = await _host.ImportAsync(KoboExport("1,BN-004,2026-H1,3,4,"), new ImportRequest(_host.SurveyId, Mapping: Mapping));
        var next = await _host.ImportAsync(KoboExport("2,BN-004,2026-H1,5,5,Cảm ơn công đoàn"));

        Assert.Equal(ImportStatus.Imported, first.Status);
        Assert.Equal(ImportStatus.Imported, next.Status);
        Assert.Equal(1, next.RowsImported);
        Assert.Equal("pay", next.Mapping["q_luong"]);
    }

    [Fact]
    public async Task A_named_source_keeps_its_mapping_even_when_the_columns_change()
    {
        await _host.ImportAsync(KoboExport("1,BN-004,2026-H1,3,4,"), new ImportRequest(_host.SurveyId, Mapping: Mapping, Source: "kobo-bac-ninh"));
        var withExtraColumn = SurveyFiles.Utf8(SurveyFiles.Csv("_id,don_vi,dot,q_luong,q_an_ca,y_kien,_uuid", "3,BN-004,2026-H1,2,2,,abc"));

        var outcome = await _host.ImportAsync(withExtraColumn, new ImportRequest(_host.SurveyId, Source: "kobo-bac-ninh"));

        Assert.Equal(ImportStatus.Imported, outcome.Status);
    }
}
