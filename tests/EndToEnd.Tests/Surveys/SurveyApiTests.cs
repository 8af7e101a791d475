using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directive58.Contracts;
using Directive58.EndToEnd.Tests.Support;
using Directive58.Surveys.Questionnaires;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.Surveys;

/// <summary>The survey API in the embedded composition: questionnaires, template, upload, results, and comments reaching the alerts.</summary>
public sealed class SurveyApiTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new(testHarness: true);
    private HttpClient _client = null!;
    private static readonly string Survey = $"/api/v1/surveys/{DefaultQuestionnaire.Id}";

    public async Task InitializeAsync() => _client = await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_default_questionnaire_is_listed_with_its_id_and_its_template_imports_without_mapping()
    {
        using var list = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/surveys"));
        var survey = Assert.Single(list.RootElement.EnumerateArray());
        Assert.Equal(DefaultQuestionnaire.Id, survey.GetProperty("id").GetGuid());
        Assert.Equal("Khảo sát tâm tư, nguyện vọng của người lao động", survey.GetProperty("title").GetString());

        var template = await _client.GetAsync($"{Survey}/template.csv");
        Assert.Equal("text/csv; charset=utf-8", template.Content.Headers.ContentType!.ToString());
        var header = (await template.Content.ReadAsStringAsync()).TrimEnd();
        Assert.Equal(SurveyFile.Header, header);

        var raw = new StringContent(header + "\r\n" + SurveyFile.Rows("BN-001", "2026-H1", 5, 4), Encoding.UTF8, "text/csv");
        var response = await _client.PostAsync($"{Survey}/responses", raw);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("imported", outcome.RootElement.GetProperty("status").GetString());
        Assert.Equal(5, outcome.RootElement.GetProperty("rowsImported").GetInt32());
    }

    [Fact]
    public async Task Results_show_a_workplace_of_six_and_withhold_one_of_three_without_any_number()
    {
        var csv = SurveyFile.Header + "\r\n" + SurveyFile.Rows("BN-002", "2026-H1", 6, 2) + SurveyFile.Rows("BN-003", "2026-H1", 3, 5);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync($"{Survey}/responses", SurveyFile.Multipart(csv))).StatusCode);

        using var shown = JsonDocument.Parse(await _client.GetStringAsync($"{Survey}/results?workplaceCode=BN-002&wave=2026-H1"));
        Assert.False(shown.RootElement.GetProperty("suppressed").GetBoolean());
        Assert.Equal(6, shown.RootElement.GetProperty("respondents").GetInt32());
        var pay = shown.RootElement.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == "pay");
        Assert.Equal(25, pay.GetProperty("index").GetDouble());

        var hidden = await _client.GetStringAsync($"{Survey}/results?workplaceCode=BN-003&wave=2026-H1");
        using var hiddenJson = JsonDocument.Parse(hidden);
        Assert.True(hiddenJson.RootElement.GetProperty("suppressed").GetBoolean());
        Assert.False(hiddenJson.RootElement.TryGetProperty("respondents", out _));
        Assert.False(hiddenJson.RootElement.TryGetProperty("questions", out _));

        // Every workplace together counts only the six: adding the three would let them be recovered by subtraction.
        using var all = JsonDocument.Parse(await _client.GetStringAsync($"{Survey}/results?wave=2026-H1"));
        Assert.Equal(6, all.RootElement.GetProperty("respondents").GetInt32());
    }

    [Fact]
    public async Task Uploading_the_same_file_twice_changes_nothing()
    {
        var csv = SurveyFile.Header + "\r\n" + SurveyFile.Rows("BN-004", "2026-H1", 5, 3, "Xin tăng lương");
        await _client.PostAsync($"{Survey}/responses", SurveyFile.Multipart(csv));
        var again = await _client.PostAsync($"{Survey}/responses", SurveyFile.Multipart(csv));

        using var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.Equal("already-imported", json.RootElement.GetProperty("status").GetString());
        using var results = JsonDocument.Parse(await _client.GetStringAsync($"{Survey}/results?workplaceCode=BN-004"));
        Assert.Equal(5, results.RootElement.GetProperty("respondents").GetInt32());
    }

    [Fact]
    public async Task A_file_in_an_unknown_layout_gets_a_problem_listing_what_to_map()
    {
        var response = await _client.PostAsync($"{Survey}/responses", SurveyFile.Multipart("a,b,c\r\n1,2,3\r\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["workplaceCode", "wave", "questions"], problem.RootElement.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Editing_a_questionnaire_needs_an_administrator()
    {
        var edit = new { code = "rut-gon", title = "Khảo sát rút gọn", questions = new[] { new { id = "pay", kind = "scale", text = "Tiền lương" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await _client.PostAsJsonAsync("/api/v1/surveys", edit)).StatusCode);

        var admin = await SignIn.AsAsync(_app, "admin", ServiceApp<Directive58.Dashboard.DashboardEntryPoint>.AdminPassword);
        var created = await admin.PostAsJsonAsync("/api/v1/surveys", edit);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bad = await admin.PutAsJsonAsync($"{Survey}", new { code = "x", title = "", questions = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_comment_about_a_stoppage_is_classified_and_raises_an_alert_like_a_report()
    {
        var harness = _app.Services.GetRequiredService<ITestHarness>();
        var csv = SurveyFile.Header + "\r\n" + SurveyFile.Rows("BN-005", "2026-H1", 5, 1, "Sáng nay 300 công nhân ngừng việc tập thể đòi trả lương");

        await _client.PostAsync($"{Survey}/responses", SurveyFile.Multipart(csv));

        Assert.True(await harness.Published.Any<ReportClassified>(x => x.Context.Message.WorkplaceCode == "BN-005" && x.Context.Message.ReporterRef == "survey:2026-H1"));
        Assert.True(await harness.Published.Any<AlertRaised>(x => x.Context.Message.WorkplaceCode == "BN-005"));
    }
}
