using System.Net;
using System.Text.RegularExpressions;
using Directive58.EndToEnd.Tests.Support;
using Directive58.EndToEnd.Tests.Surveys;
using Directive58.Surveys.Questionnaires;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Directive58.EndToEnd.Tests.Dashboard;

/// <summary>The periodic report's survey section, on the page and in the XLSX file: the round of the period's half-year, within the unit.</summary>
public sealed partial class PeriodicSurveyTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new();

    public async Task InitializeAsync()
    {
        var api = await _app.StartAsync();
        await RoleUsers.CreateAsync(_app);
        // BN-002: ten answers in each round, pay from 2 to 4; BN-005: three in the later round, too few to count anywhere.
        var csv = SurveyFile.Header + "\r\n" + SurveyFile.Rows("BN-002", "2025-H2", 10, 2) + SurveyFile.Rows("BN-002", "2026-H1", 10, 4) + SurveyFile.Rows("BN-005", "2026-H1", 3, 1);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/v1/surveys/{DefaultQuestionnaire.Id}/responses", SurveyFile.Multipart(csv))).StatusCode);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_month_shows_its_half_years_round_with_the_change_since_the_round_before()
    {
        var admin = await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword);

        var march = await admin.GetStringAsync("/Periodic?period=2026-03");
        var december = await admin.GetStringAsync("/Periodic?period=2025-12");
        var longAgo = await admin.GetStringAsync("/Periodic?period=2024-05");

        Assert.Contains("<strong>10</strong> người trả lời", march);
        Assert.Equal(("10", "75.0", "+50.0 so với 2025-H2 (25.0) *"), Question(march, "pay"));
        Assert.Equal(("10", "50.0", "0.0 so với 2025-H2 (50.0)"), Question(march, "hours"));
        Assert.Equal(("10", "25.0", ""), Question(december, "pay"));
        Assert.Contains("id=\"no-survey\"", longAgo);
    }

    [Fact]
    public async Task The_survey_section_keeps_to_the_unit_and_withholds_a_unit_under_five()
    {
        var officer = await (await RoleUsers.SignInAsync(_app, "cdcs")).GetStringAsync("/Periodic?period=2026-H1");
        var committee = await (await RoleUsers.SignInAsync(_app, "capuy")).GetStringAsync("/Periodic?period=2026-H1");

        Assert.Equal(("10", "75.0", "+50.0 so với 2025-H2 (25.0) *"), Question(officer, "pay"));
        Assert.Contains("Dưới 5 người trả lời: không hiển thị", committee);
        Assert.DoesNotContain("data-question=\"pay\"", committee);
    }

    [Fact]
    public async Task The_xlsx_file_has_a_survey_sheet_with_each_questions_index_and_change()
    {
        var admin = await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword);
        var file = await admin.GetByteArrayAsync("/Periodic?handler=Xlsx&period=2026-03");

        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(file), false);
        var sheet = xlsx.WorkbookPart!.Workbook.Descendants<Sheet>().Single(s => s.Name == "Khảo sát");
        var rows = ((WorksheetPart)xlsx.WorkbookPart.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        var pay = rows.Single(r => r.Count > 2 && r[2] == "pay");

        Assert.Equal(["2026-H1", "pay", "Mức độ hài lòng với tiền lương, thưởng", "10", "75", "2025-H2", "25", "50"], pay.Skip(1).Take(8));
        Assert.Contains(rows, r => r.Count > 4 && r[2] == "overall" && r[4] == "10");
    }

    /// <summary>A question's row on the page: answers, index, change against the previous round (* when significant; "" when there is none).</summary>
    private static (string Answers, string Index, string Change) Question(string html, string id)
    {
        var match = QuestionRow().Match(html[html.IndexOf($"data-question=\"{id}\"", StringComparison.Ordinal)..]);
        Assert.True(match.Success, $"no row for {id}");
        var change = WebUtility.HtmlDecode(Regex.Replace(match.Groups["change"].Value, "<[^>]+>", "")).Trim();
        return (match.Groups["n"].Value, match.Groups["index"].Value, change == "–" ? "" : change);
    }

    [GeneratedRegex("""<td>(?<n>\d+)</td><td>(?<index>[\d.]+)</td><td>(?<change>.*?)</td>""", RegexOptions.Singleline)]
    private static partial Regex QuestionRow();
}
