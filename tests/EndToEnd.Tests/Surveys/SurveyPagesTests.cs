using Dapper;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Directive58.Dashboard;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Surveys;

/// <summary>The survey pages as an officer uses them: upload, map the columns, watch the import, read results, comparisons and comments.</summary>
public sealed partial class SurveyPagesTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new();
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        _admin = await SignIn.AsAsync(_app, "admin", ServiceApp<DashboardEntryPoint>.AdminPassword);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> PostFormAsync(string page, string handler, HttpContent fields)
    {
        var form = await _admin.GetStringAsync(page);
        var token = Token().Match(form).Groups[1].Value;
        var content = fields as MultipartFormDataContent ?? throw new ArgumentException("multipart expected");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await _admin.PostAsync($"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.ToString();
    }

    private async Task<string> UntilDoneAsync(string location) =>
        (await Reports.EventuallyAsync(async () =>
        {
            var html = await _admin.GetStringAsync(location);
            return html.Contains("http-equiv=\"refresh\"") ? null : html;
        }, TimeSpan.FromSeconds(20), "the import to finish"))!;

    [Fact]
    public async Task An_officer_uploads_maps_the_columns_and_reads_results_comparisons_and_comments()
    {
        var csv = "Họ và tên,Đơn vị,Lương,Ý kiến\r\n" + string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"Nguyễn Văn {(char)('A' + i)},BN-008,{2 + i % 3},\"Tăng ca liên tục đến 22 giờ, mệt quá lần {i}\"\r\n"));
        var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "Upload", "kobo.csv" },
            { new StringContent("2026-H1"), "ImportWave" },
        };

        var mapping = await UntilDoneAsync(await PostFormAsync("/Surveys/Import", "Upload", upload));
        Assert.Contains("Ghép cột", mapping);
        Assert.Contains("bị loại", mapping);             // the name column is dropped, not offered for mapping
        Assert.DoesNotContain("Mapping[Họ và tên]", mapping);

        var job = Regex.Match(mapping, "job=([0-9a-f-]{36})").Groups[1].Value;
        var map = new MultipartFormDataContent
        {
            { new StringContent("workplaceCode"), "Mapping[Đơn vị]" }, { new StringContent("pay"), "Mapping[Lương]" },
            { new StringContent("wishes"), "Mapping[Ý kiến]" }, { new StringContent("2026-H1"), "ImportWave" },
        };
        var done = await UntilDoneAsync(await PostFormAsync($"/Surveys/Import?job={job}", "Map", map));
        Assert.Contains("Đã nhập xong", done);

        var results = await _admin.GetStringAsync("/Surveys/Results?Level=workplace&Code=BN-008&Wave=2026-H1");
        Assert.Contains("người trả lời", results);
        Assert.Contains("class=\"bars\"", results);
        Assert.DoesNotContain("Nguyễn Văn", results);
        var compare = await _admin.GetStringAsync("/Surveys/Compare?Level=workplace&Wave=2026-H1");
        Assert.Contains("BN-008", compare);
        var comments = await Reports.EventuallyAsync(async () =>
        {
            var html = await _admin.GetStringAsync("/Surveys/Comments?WorkplaceCode=BN-008&Wave=2026-H1");
            return html.Contains("Thời giờ làm việc") ? html : null;
        }, TimeSpan.FromSeconds(20), "comments grouped under their classified topic");
        Assert.Contains("Tăng ca liên tục", comments);
        await using var connection = await _app.Database.OpenAsync();
        var audited = await connection.QueryAsync<string>("select subject from audit_log where action = 'view-survey-comments' and actor = 'admin'");
        Assert.Contains(audited, s => s.EndsWith("/2026-H1/BN-008", StringComparison.Ordinal));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
