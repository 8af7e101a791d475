using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Alerts;

/// <summary>The embedded default: a critical report becomes an alarm that reaches its first recipients in-app, and an officer works the case through the API.</summary>
public sealed class CaseApiTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new();
    private HttpClient _machine = null!;

    public async Task InitializeAsync() => _machine = await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonElement> AlertForAsync(string workplace)
    {
        var json = await Reports.EventuallyAsync(async () =>
        {
            var doc = JsonDocument.Parse(await _machine.GetStringAsync($"/api/v1/alerts?workplaceCode={workplace}"));
            return doc.RootElement.GetArrayLength() > 0 && doc.RootElement[0].GetProperty("deliveries").GetArrayLength() > 0 ? doc : null;
        }, TimeSpan.FromSeconds(10), $"an alert with deliveries for {workplace}");
        return json.RootElement[0].Clone();
    }

    [Fact]
    public async Task An_alarm_reaches_its_first_recipients_in_app_within_a_second_of_classification()
    {
        var started = Stopwatch.StartNew();
        var id = await Reports.IdOfAsync(await Reports.PostAsync(_machine, Reports.Report("inapp-1")));

        var alert = await AlertForAsync("BN-005");

        await using var connection = await _app.Database.OpenAsync();
        var classifiedAt = await connection.ExecuteScalarAsync<string>("select classified_at from classifications where report_id = @id", new { id = id.ToString() });
        var inApp = alert.GetProperty("deliveries").EnumerateArray().Where(d => d.GetProperty("channel").GetString() == "in-app").ToList();
        Assert.Equal(["cd-x-yen-phong", "cdcs-bn-005", "du-x-yen-phong", "ldld-bac-ninh"], inApp.Select(d => d.GetProperty("unitCode").GetString()).Order());
        var latest = inApp.Max(d => d.GetProperty("at").GetDateTimeOffset());
        Assert.True(latest - DateTimeOffset.Parse(classifiedAt!) < TimeSpan.FromSeconds(1), $"in-app at {latest:O}, classified at {classifiedAt}");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_officer_assigns_notes_and_resolves_and_the_collaborator_sees_the_outcome_without_names()
    {
        var reportId = await Reports.IdOfAsync(await Reports.PostAsync(_machine, Reports.Report("case-1", reporterRef: "ctv-bn-005-a")));
        var hotSpotId = (await AlertForAsync("BN-005")).GetProperty("hotSpotId").GetGuid();
        var officer = await SignIn.AsAsync(_app, "admin", ServiceApp<global::Directive58.Dashboard.DashboardEntryPoint>.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/hotspots/{hotSpotId}/assign", new { assignedTo = "Chủ tịch CĐCS" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/hotspots/{hotSpotId}/notes", new { note = "Đã đối thoại với giám đốc" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _machine.PostAsJsonAsync($"/api/v1/hotspots/{hotSpotId}/resolve", new { outcome = "unfounded" })).StatusCode);
        var resolved = await officer.PostAsJsonAsync($"/api/v1/hotspots/{hotSpotId}/resolve", new { outcome = "settled_by_dialogue", note = "Công ty trả lương ngày 15" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        using var detail = JsonDocument.Parse(await _machine.GetStringAsync($"/api/v1/hotspots/{hotSpotId}"));
        Assert.Equal("closed", detail.RootElement.GetProperty("status").GetString());
        Assert.Equal(reportId, detail.RootElement.GetProperty("evidenceReports")[0].GetProperty("reportId").GetGuid());
        Assert.Equal(["opened", "assigned", "note", "resolved"],
            detail.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.DoesNotContain("ctv-bn-005-a", detail.RootElement.GetRawText());

        var outcomes = await _machine.GetStringAsync("/api/v1/reports/outcomes?reporterRef=ctv-bn-005-a");
        using var mine = JsonDocument.Parse(outcomes);
        var row = Assert.Single(mine.RootElement.EnumerateArray());
        Assert.Equal((reportId, "resolved", "settled_by_dialogue"),
            (row.GetProperty("reportId").GetGuid(), row.GetProperty("progress").GetString(), row.GetProperty("outcome").GetString()));
        Assert.DoesNotContain("admin", outcomes);
        Assert.Equal(0, JsonDocument.Parse(await _machine.GetStringAsync("/api/v1/reports/outcomes?reporterRef=someone-else")).RootElement.GetArrayLength());
        // A signed-in user asks only about their own reports.
        using var othersReports = await officer.GetAsync("/api/v1/reports/outcomes?reporterRef=ctv-bn-005-a");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, othersReports.StatusCode);
        using var ownReports = await officer.GetAsync("/api/v1/reports/outcomes");
        Assert.Equal(System.Net.HttpStatusCode.OK, ownReports.StatusCode);
    }
}
