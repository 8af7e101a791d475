using System.Globalization;
using System.Text;

namespace Directive58.ServiceDefaults.Metrics;

/// <summary>A cumulative Prometheus histogram: fixed upper bounds, a sum and a count, updated without locks.</summary>
internal sealed class Histogram(double[] bounds)
{
    private readonly long[] _counts = new long[bounds.Length + 1];
    private long _sumMicros;

    public void Observe(double value)
    {
        var index = Array.FindIndex(bounds, b => value <= b);
        Interlocked.Increment(ref _counts[index < 0 ? bounds.Length : index]);
        Interlocked.Add(ref _sumMicros, (long)(value * 1_000_000));
    }

    public void Write(StringBuilder text, string name, string labels)
    {
        var inner = labels.Length == 0 ? "" : labels[1..^1] + ",";
        long cumulative = 0;
        for (var i = 0; i <= bounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            var le = i < bounds.Length ? bounds[i].ToString("R", CultureInfo.InvariantCulture) : "+Inf";
            text.Append(name).Append("_bucket{").Append(inner).Append("le=\"").Append(le).Append("\"} ").Append(cumulative).Append('\n');
        }
        text.Append(name).Append("_sum").Append(labels).Append(' ')
            .Append((Interlocked.Read(ref _sumMicros) / 1_000_000.0).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        text.Append(name).Append("_count").Append(labels).Append(' ').Append(cumulative).Append('\n');
    }
}
