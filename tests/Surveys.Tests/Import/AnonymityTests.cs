using Dapper;
using Directive58.Surveys.Import;
using Directive58.Surveys.Tests.Support;

namespace Directive58.Surveys.Tests.Import;

public sealed class AnonymityTests : IAsyncLifetime
{
    private readonly SurveyHost _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    /// <summary>Every text cell of every survey table, to prove what is and is not stored.</summary>
    private async Task<string> EverythingStoredAsync()
    {
        await using var connection = await _host.Database.OpenAsync();
        var parts = new List<string>();
        foreach (var table in new[] { "survey_responses", "survey_comments", "survey_imports", "survey_column_mappings" })
            foreach (IDictionary<string, object?> row in await connection.QueryAsync($"select * from {table}"))
                parts.AddRange(row.Values.Select(v => v?.ToString() ?? ""));
        return string.Join("\n", parts);
    }

    [Fact]
    public async Task A_Google_Forms_export_maps_itself_by_question_text_and_its_name_phone_and_email_columns_are_never_stored()
    {
        var file = SurveyFiles.Csv(
            "Dấu thời gian,Họ và tên,Số điện thoại,Địa chỉ email,\"Mức độ hài lòng với tiền lương, thưởng\",Mức độ hài lòng với bữa ăn ca,\"Tâm tư, nguyện vọng của anh/chị\"",
            "2026/06/01 8:00:01,Nguyễn Thị Lan,0912345678,lan.nt@gmail.com,2 - Không hài lòng,Bình thường,\"Gọi cho tôi 0987 654 321 nếu cần\"",
            "2026/06/01 8:03:12,Trần Văn Hùng,0977111222,hung.tv@gmail.com,4,Hài lòng,");

        var outcome = await _host.ImportAsync(SurveyFiles.Utf8(file), new ImportRequest(_host.SurveyId, WorkplaceCode: "BN-003", Wave: "2026-H1"));

        Assert.Equal(ImportStatus.Imported, outcome.Status);
        Assert.True(outcome.RowsImported == 2, string.Join("; ", outcome.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}")));
        Assert.Equal(["Họ và tên", "Số điện thoại", "Địa chỉ email"], outcome.DroppedColumns.Select(d => d.Header));
        var stored = await EverythingStoredAsync();
        foreach (var secret in new[] { "Nguyễn Thị Lan", "Trần Văn Hùng", "0912345678", "0977111222", "lan.nt@gmail.com", "0987 654 321" })
            Assert.DoesNotContain(secret, stored);
        Assert.Contains("Gọi cho tôi [SĐT] nếu cần", stored);
    }

    [Fact]
    public async Task A_column_whose_header_says_nothing_is_dropped_when_its_content_is_names_or_phone_numbers()
    {
        var file = SurveyFiles.Csv(
            "workplaceCode,wave,pay,Ghi chú 1,Ghi chú 2",
            "BN-001,2026-H1,3,Lê Văn Nam,0912 000 111",
            "BN-001,2026-H1,4,Phạm Thu Hà,+84 977 222 333",
            "BN-001,2026-H1,2,Đỗ Quốc Bảo,0355444555");

        var outcome = await _host.ImportAsync(SurveyFiles.Utf8(file), new ImportRequest(_host.SurveyId, Mapping: new Dictionary<string, string> { ["Ghi chú 1"] = "wishes" }));

        Assert.Equal(["Ghi chú 1", "Ghi chú 2"], outcome.DroppedColumns.Select(d => d.Header));
        Assert.False(outcome.Mapping.ContainsKey("Ghi chú 1"));
        Assert.DoesNotContain("Lê Văn Nam", await EverythingStoredAsync());
    }
}
