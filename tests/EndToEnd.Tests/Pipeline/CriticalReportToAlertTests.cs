using System.Net;
using System.Text.Json;
using Dapper;
using Directive58.Contracts;
using Directive58.EndToEnd.Tests.Support;
using Directive58.Ingest.TrackClassification;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.Pipeline;

/// <summary>The walking skeleton in one process: POST → stored → classified → hot spot → alert → API and page.</summary>
public sealed class CriticalReportToAlertTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new(testHarness: true);
    private HttpClient _client = null!;

    public async Task InitializeAsync() => _client = await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_critical_report_becomes_an_alert_for_its_union_and_the_level_above()
    {
        var harness = _app.Services.GetRequiredService<ITestHarness>();
        var response = await Reports.PostAsync(_client, Reports.Report("c-1"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = await Reports.IdOfAsync(response);

        Assert.True(await harness.Published.Any<AlertRaised>(x => x.Context.Message.WorkplaceCode == "BN-005"));
        Assert.True(await harness.GetConsumerHarness<MarkReportClassifiedConsumer>().Consumed.Any<ReportClassified>(x => x.Context.Message.ReportId == id));

        using var alerts = JsonDocument.Parse(await _client.GetStringAsync("/api/v1/alerts?workplaceCode=BN-005"));
        var alert = Assert.Single(alerts.RootElement.EnumerateArray());
        Assert.Equal("alarm", alert.GetProperty("level").GetString());
        var recipients = alert.GetProperty("recipients").EnumerateArray().Select(r => r.GetProperty("unitCode").GetString()).ToList();
        Assert.Contains("cdcs-bn-005", recipients);
        Assert.Contains("cd-x-yen-phong", recipients);
        Assert.Contains("ldld-bac-ninh", recipients);
        Assert.Contains("du-x-yen-phong", recipients);

        using var report = JsonDocument.Parse(await _client.GetStringAsync($"/api/v1/reports/{id}"));
        var classification = report.RootElement.GetProperty("classification");
        Assert.Equal("critical", classification.GetProperty("risk").GetString());
        Assert.Equal("classified", report.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Personal_data_is_masked_before_the_report_is_stored()
    {
        var response = await Reports.PostAsync(_client, Reports.Report("c-2", "To truong chui cong nhan, lien he chi Hoa 0912 345 678 hoac hoa.nt@gmail.com, CCCD 001203004005"));
        var id = await Reports.IdOfAsync(response);

        await using var connection = await _app.Database.OpenAsync();
        var stored = await connection.ExecuteScalarAsync<string>("select text from reports where id = @id", new { id });
        Assert.Equal("To truong chui cong nhan, lien he chi Hoa [SĐT] hoac [email], CCCD [CCCD]", stored);
    }

    [Fact]
    public async Task Reading_a_report_text_is_written_to_the_audit_log()
    {
        var id = await Reports.IdOfAsync(await Reports.PostAsync(_client, Reports.Report("c-3", "Bếp ăn ca tối nay cơm nguội")));
        await _client.GetStringAsync($"/api/v1/reports/{id}");

        await using var connection = await _app.Database.OpenAsync();
        var audited = await connection.QueryAsync<string>("select actor from audit_log where action = 'view-report-text' and subject = @id", new { id = id.ToString() });
        Assert.Equal(["bootstrap"], audited);
    }

    [Fact]
    public async Task The_same_client_id_twice_stores_one_report_and_returns_the_same_id()
    {
        var first = await Reports.IdOfAsync(await Reports.PostAsync(_client, Reports.Report("same-client-id")));
        var again = await Reports.PostAsync(_client, Reports.Report("same-client-id"));

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(first, await Reports.IdOfAsync(again));
        await using var connection = await _app.Database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("select count(*) from reports where client_id = 'same-client-id'"));
    }
}
