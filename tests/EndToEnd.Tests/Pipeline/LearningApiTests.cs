using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Pipeline;

public sealed class LearningApiTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new();
    private HttpClient _api = null!;

    public async Task InitializeAsync() => _api = await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_officer_relabels_a_report_and_the_correction_becomes_training_data()
    {
        var id = await Reports.IdOfAsync(await Reports.PostAsync(_api, Reports.Report("relabel-1", "Phòng trọ tăng giá điện")));
        var officer = await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword);

        var bad = await officer.PostAsJsonAsync($"/api/v1/reports/{id}/labels", new { topic = "rent", risk = "low" });
        var good = await officer.PostAsJsonAsync($"/api/v1/reports/{id}/labels", new { topic = "living_conditions", risk = "low" });
        var byKey = await _api.PostAsJsonAsync($"/api/v1/reports/{id}/labels", new { topic = "living_conditions", risk = "low" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, good.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byKey.StatusCode);
        await using var connection = await _app.Database.OpenAsync();
        Assert.Equal("living_conditions", await connection.ExecuteScalarAsync<string>("select topic from training_labels where report_id = @id", new { id }));
    }

    [Fact]
    public async Task The_model_list_shows_the_shipped_model_as_champion_and_in_use()
    {
        var champion = await Reports.EventuallyAsync(async () =>
        {
            using var json = JsonDocument.Parse(await _api.GetStringAsync("/api/v1/models"));
            var inUse = json.RootElement.GetProperty("inUse").GetString();
            return json.RootElement.GetProperty("versions").EnumerateArray()
                .Any(v => v.GetProperty("status").GetString() == "champion" && v.GetProperty("version").GetString() == inUse) ? inUse : null;
        }, TimeSpan.FromSeconds(10), "the shipped model recorded as champion");

        using var ready = JsonDocument.Parse(await _api.GetStringAsync("/health/ready"));
        Assert.Equal(champion, ready.RootElement.GetProperty("checks").GetProperty("model").GetProperty("data").GetProperty("modelVersion").GetString());
        Assert.NotEqual("keywords-0", champion);
    }
}
