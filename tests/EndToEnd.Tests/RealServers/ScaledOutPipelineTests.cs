using System.Net;
using System.Text.Json;
using Dapper;
using Directive58.Alerts.Detection;
using Directive58.Classifier.ClassifyReport;
using Directive58.EndToEnd.Tests.Support;
using Directive58.Ingest.SubmitReport;
using Directive58.Registry.Demo;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.RealServers;

/// <summary>The same code, configured for RabbitMQ and PostgreSQL: one process, then one process per service.</summary>
[Collection("real servers")]
public sealed class ScaledOutPipelineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [RealServersFact]
    public async Task A_critical_report_becomes_an_alert_on_RabbitMQ_and_PostgreSQL_in_one_process()
    {
        await using var servers = await Support.RealServers.CreateAsync();
        await using var app = new EmbeddedApp(servers.Settings());
        var client = await app.StartAsync();

        var response = await Reports.PostAsync(client, Reports.Report("pg-1"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var again = await Reports.PostAsync(client, Reports.Report("pg-1"));
        Assert.Equal(await Reports.IdOfAsync(response), await Reports.IdOfAsync(again));

        var alert = await Reports.EventuallyAsync(async () =>
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/alerts?workplaceCode=BN-005"));
            return json.RootElement.GetArrayLength() > 0 ? json.RootElement[0].GetProperty("level").GetString() : null;
        }, Patience, "an alert for BN-005");
        Assert.Equal("alarm", alert);

        await using var connection = await app.Database.OpenAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("select count(*) from reports"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("select count(*) from classifications"));
    }

    [RealServersFact]
    public async Task Each_service_runs_alone_and_together_they_turn_a_report_into_an_alert()
    {
        await using var servers = await Support.RealServers.CreateAsync();
        var settings = servers.Settings();
        await using var ingest = new ServiceApp<ReportSubmission>(settings);
        await using var classifier = new ServiceApp<ClassifyReportConsumer>(settings);
        await using var alerts = new ServiceApp<DetectHotSpotConsumer>(settings);
        var ingestClient = await ingest.StartAsync();
        var alertsClient = await alerts.StartAsync();
        classifier.CreateClient().Dispose();
        await DemoRegistry.SeedIfEmptyAsync(ingest.Services.GetRequiredService<Database>());

        var response = await Reports.PostAsync(ingestClient, Reports.Report("sep-1", "khoang 200 cn xuong 2 dinh cong tu 7h sang, khong vao ca", "BN-012"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var alert = await Reports.EventuallyAsync(async () =>
        {
            using var json = JsonDocument.Parse(await alertsClient.GetStringAsync("/api/v1/alerts?workplaceCode=BN-012"));
            return json.RootElement.GetArrayLength() > 0 ? json.RootElement[0].GetProperty("level").GetString() : null;
        }, Patience, "an alert for BN-012 raised by the separate Alerts service");
        Assert.Equal("alarm", alert);

        var status = await Reports.EventuallyAsync(async () =>
        {
            await using var connection = await ingest.Services.GetRequiredService<Database>().OpenAsync();
            return await connection.ExecuteScalarAsync<string?>("select status from reports where client_id = 'sep-1' and status = 'classified'");
        }, Patience, "Ingest marks the report classified");
        Assert.Equal("classified", status);
    }
}
