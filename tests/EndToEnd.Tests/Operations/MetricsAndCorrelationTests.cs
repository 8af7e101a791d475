using System.Text.Json;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Operations;

/// <summary>What an operator sees of one report: `/metrics` counts it, and every service's log lines carry its id.</summary>
public sealed class MetricsAndCorrelationTests : IDisposable
{
    private readonly string _logs = Directory.CreateTempSubdirectory("d58-logs-").FullName;

    public void Dispose() => Directory.Delete(_logs, recursive: true);

    [Fact]
    public async Task A_classified_report_shows_in_metrics_and_its_id_follows_it_through_the_logs()
    {
        await using var app = new EmbeddedApp(new Dictionary<string, string?>
        {
            ["Logging:File"] = Path.Combine(_logs, "d58-.log"),
            ["Serilog:MinimumLevel:Default"] = "Information",
        });
        var client = await app.StartAsync();
        var id = await Reports.IdOfAsync(await Reports.PostAsync(client, Reports.Report("metrics-1")));

        var metrics = await Reports.EventuallyAsync(async () =>
        {
            var text = await client.GetStringAsync("/metrics");
            return text.Contains("d58_alerts_announced_total{level=\"alarm\"} 1") && text.Contains("d58_classification_latency_seconds_count 1") ? text : null;
        }, TimeSpan.FromSeconds(20), "the report counted in /metrics");
        var lines = metrics.Split('\n');
        Assert.Contains("d58_messages_handled_total{type=\"ReportSubmitted\",outcome=\"ok\"} 1", lines);
        Assert.Contains("d58_reports_accepted_total{outcome=\"new\"} 1", lines);
        Assert.Contains("d58_reports_unclassified 0", lines);

        var handled = await Reports.EventuallyAsync(() =>
        {
            var entries = Directory.GetFiles(_logs).SelectMany(ReadShared).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(e => e.GetProperty("MessageTemplate").GetString()!.StartsWith("Handled", StringComparison.Ordinal)).ToList();
            return Task.FromResult(entries.Count >= 3 ? entries : null);
        }, TimeSpan.FromSeconds(10), "log lines for the handled messages");
        var types = handled.Select(e => e.GetProperty("Properties").GetProperty("MessageType").GetString()).ToHashSet();
        Assert.Contains("ReportSubmitted", types);
        Assert.Contains("ReportClassified", types);
        Assert.All(handled, e => Assert.Equal(id.ToString(), e.GetProperty("Properties").GetProperty("CorrelationId").GetString()));
    }

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
