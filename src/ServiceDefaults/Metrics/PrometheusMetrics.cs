using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Directive58.ServiceDefaults.Metrics;

/// <summary>
/// A small in-process metrics registry rendered in the Prometheus text format (0.0.4). It stands in
/// for prometheus-net or OpenTelemetry's Prometheus exporter, neither of which is in the proven
/// package set (../shared/dependencies.md): counters and histograms with labels, plus gauges that
/// <see cref="IMetricsSource"/>s compute at scrape time (e.g. the unclassified backlog from the store).
/// </summary>
public sealed class PrometheusMetrics
{
    /// <summary>Seconds; from a few milliseconds (in-process) to the sweeper's grace period and beyond.</summary>
    public static readonly double[] LatencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

    private readonly ConcurrentDictionary<string, string> _help = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), StrongBox> _counters = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), Histogram> _histograms = new();

    public void Increment(string name, string help, params (string Key, string Value)[] labels) => Add(name, help, 1, labels);

    public void Add(string name, string help, long amount, params (string Key, string Value)[] labels)
    {
        _help.TryAdd(name, help);
        var box = _counters.GetOrAdd((name, Render(labels)), _ => new StrongBox());
        Interlocked.Add(ref box.Value, amount);
    }

    public void Observe(string name, string help, double value, params (string Key, string Value)[] labels)
    {
        _help.TryAdd(name, help);
        _histograms.GetOrAdd((name, Render(labels)), _ => new Histogram(LatencyBuckets)).Observe(value);
    }

    public long CounterValue(string name, params (string Key, string Value)[] labels) =>
        _counters.TryGetValue((name, Render(labels)), out var box) ? Interlocked.Read(ref box.Value) : 0;

    /// <summary>Writes every counter and histogram, then the gauges the sources compute now.</summary>
    public async Task WriteAsync(StringBuilder text, IEnumerable<IMetricsSource> sources, CancellationToken ct)
    {
        foreach (var group in _counters.GroupBy(c => c.Key.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Header(text, group.Key, "counter");
            foreach (var ((_, labels), box) in group.OrderBy(c => c.Key.Labels, StringComparer.Ordinal))
                text.Append(group.Key).Append(labels).Append(' ').Append(Interlocked.Read(ref box.Value).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        foreach (var group in _histograms.GroupBy(h => h.Key.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Header(text, group.Key, "histogram");
            foreach (var ((_, labels), histogram) in group.OrderBy(h => h.Key.Labels, StringComparer.Ordinal))
                histogram.Write(text, group.Key, labels);
        }
        var gauges = new GaugeWriter(text);
        foreach (var source in sources)
        {
            try { await source.CollectAsync(gauges, ct); }
            // A scrape must not fail because one source's store is down; readiness reports that.
            catch (Exception ex) when (ex is not OperationCanceledException) { text.Append("# source ").Append(source.GetType().Name).Append(" failed\n"); }
        }
    }

    private void Header(StringBuilder text, string name, string type)
    {
        if (_help.TryGetValue(name, out var help)) text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    internal static string Render((string Key, string Value)[] labels) => labels.Length == 0 ? "" :
        "{" + string.Join(",", labels.Select(l => $"{l.Key}=\"{l.Value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\"")) + "}";

    private sealed class StrongBox { public long Value; }
}

/// <summary>Gauges computed at scrape time, e.g. from the store.</summary>
public interface IMetricsSource
{
    Task CollectAsync(GaugeWriter gauges, CancellationToken ct);
}

public sealed class GaugeWriter(StringBuilder text)
{
    public void Write(string name, string help, double value, params (string Key, string Value)[] labels)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(name).Append(" gauge\n");
        text.Append(name).Append(PrometheusMetrics.Render(labels)).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }
}
