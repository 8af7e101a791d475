using System.Net;
using System.Text.Json;
using Dapper;
using Directive58.EndToEnd.Tests.Support;
using Directive58.Surveys.Questionnaires;

namespace Directive58.EndToEnd.Tests.Surveys;

/// <summary>The survey import on PostgreSQL and RabbitMQ: the array (unnest) batch path, re-import, results and comments reaching the classifier.</summary>
[Collection("real servers")]
public sealed class SurveyOnPostgresTests
{
    [RealServersFact]
    public async Task A_survey_imports_once_on_PostgreSQL_and_its_comments_are_classified()
    {
        await using var servers = await Support.RealServers.CreateAsync();
        await using var app = new EmbeddedApp(servers.Settings());
        var client = await app.StartAsync();
        var survey = $"/api/v1/surveys/{DefaultQuestionnaire.Id}";
        var csv = SurveyFile.Header + "\r\n" + SurveyFile.Rows("BN-006", "2026-H1", 2500, 4, "Bếp ăn ca tối qua làm 40 người ngộ độc") + SurveyFile.Rows("BN-006", "2026-H2", 7, 2, "Lương về muộn");

        var first = await client.PostAsync($"{survey}/responses", SurveyFile.Multipart(csv));
        var again = await client.PostAsync($"{survey}/responses", SurveyFile.Multipart(csv, "lan-hai.csv"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var json = JsonDocument.Parse(await first.Content.ReadAsStringAsync()))
            Assert.Equal(2507, json.RootElement.GetProperty("rowsImported").GetInt32());
        using (var json = JsonDocument.Parse(await again.Content.ReadAsStringAsync()))
            Assert.Equal("already-imported", json.RootElement.GetProperty("status").GetString());
        using (var results = JsonDocument.Parse(await client.GetStringAsync($"{survey}/results?workplaceCode=BN-006&wave=2026-H2")))
        {
            Assert.Equal(7, results.RootElement.GetProperty("respondents").GetInt32());
            Assert.Equal("2026-H1", results.RootElement.GetProperty("overallChange").GetProperty("previousWave").GetString());
        }
        await using var connection = await app.Database.OpenAsync();
        var classified = await Reports.EventuallyAsync(async () =>
        {
            var n = await connection.ExecuteScalarAsync<long>("select count(*) from classifications c join survey_comments s on s.id = c.report_id");
            return n == 2 ? (object)n : null;
        }, TimeSpan.FromSeconds(30), "both survey comments classified");
        Assert.Equal(2L, classified);
    }
}
