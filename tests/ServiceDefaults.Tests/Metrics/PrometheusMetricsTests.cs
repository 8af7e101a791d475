using System.Text;
using Directive58.ServiceDefaults.Metrics;

namespace Directive58.ServiceDefaults.Tests.Metrics;

public sealed class PrometheusMetricsTests
{
    [Fact]
    public async Task Counters_and_histograms_are_written_in_the_Prometheus_text_format()
    {
        var metrics = new PrometheusMetrics();
        metrics.Increment("d58_messages_handled_total", "Messages handled.", ("type", "ReportSubmitted"), ("outcome", "ok"));
        metrics.Add("d58_messages_handled_total", "Messages handled.", 2, ("type", "ReportSubmitted"), ("outcome", "ok"));
        metrics.Observe("d58_latency_seconds", "Latency.", 0.02);
        metrics.Observe("d58_latency_seconds", "Latency.", 400);

        var text = new StringBuilder();
        await metrics.WriteAsync(text, [new FixedGauge()], CancellationToken.None);
        var lines = text.ToString().Split('\n');

        Assert.Contains("# TYPE d58_messages_handled_total counter", lines);
        Assert.Contains("d58_messages_handled_total{type=\"ReportSubmitted\",outcome=\"ok\"} 3", lines);
        Assert.Contains("# TYPE d58_latency_seconds histogram", lines);
        Assert.Contains("d58_latency_seconds_bucket{le=\"0.01\"} 0", lines);
        Assert.Contains("d58_latency_seconds_bucket{le=\"0.025\"} 1", lines);
        Assert.Contains("d58_latency_seconds_bucket{le=\"300\"} 1", lines);
        Assert.Contains("d58_latency_seconds_bucket{le=\"+Inf\"} 2", lines);
        Assert.Contains("d58_latency_seconds_sum 400.02", lines);
        Assert.Contains("d58_latency_seconds_count 2", lines);
        Assert.Contains("d58_backlog{queue=\"a\\\"b\"} 7", lines);
    }

    private sealed class FixedGauge : IMetricsSource
    {
        public Task CollectAsync(GaugeWriter gauges, CancellationToken ct)
        {
            gauges.Write("d58_backlog", "Backlog.", 7, ("queue", "a\"b"));
            return Task.CompletedTask;
        }
    }
}
