using System.Net;
using System.Text.Json;
using Directive58.Alerts.Detection;
using Directive58.Classifier.ClassifyReport;
using Directive58.Dashboard;
using Directive58.EndToEnd.Tests.Support;
using Directive58.Ingest.SubmitReport;

namespace Directive58.EndToEnd.Tests.Hosts;

/// <summary>Each host boots on its own and reports ready: store, bus and (for the classifier) the model.</summary>
public sealed class EveryHostStartsTests
{
    [Fact]
    public Task The_dashboard_host_is_ready() => AssertReadyAsync(new ServiceApp<DashboardEntryPoint>(), "store", "masstransit-bus", "model");

    [Fact]
    public Task The_ingest_host_is_ready() => AssertReadyAsync(new ServiceApp<ReportSubmission>(), "store", "masstransit-bus");

    [Fact]
    public Task The_classifier_host_is_ready() => AssertReadyAsync(new ServiceApp<ClassifyReportConsumer>(), "store", "masstransit-bus", "model");

    [Fact]
    public Task The_alerts_host_is_ready() => AssertReadyAsync(new ServiceApp<DetectHotSpotConsumer>(), "store", "masstransit-bus");

    private static async Task AssertReadyAsync<T>(ServiceApp<T> app, params string[] checks) where T : class
    {
        await using (app)
        {
            using var client = app.CreateClient();
            var live = await client.GetAsync("/health/live");
            var ready = await client.GetAsync("/health/ready");
            var body = await ready.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.True(ready.StatusCode == HttpStatusCode.OK, body);
            using var json = JsonDocument.Parse(body);
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
            foreach (var check in checks)
                Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }
    }
}
