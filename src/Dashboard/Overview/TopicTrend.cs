using System.Globalization;

namespace Directive58.Dashboard.Overview;

/// <summary>Weekly report counts per topic for the trend chart: the last N weeks, each ending on today's weekday.</summary>
public static class TopicTrend
{
    public sealed record Series(string Topic, IReadOnlyList<long> Counts);

    public sealed record Trend(IReadOnlyList<string> WeekLabels, IReadOnlyList<Series> Series);

    /// <summary>Buckets (day, topic, count) rows into weeks; week i covers the 7 days ending (weeks-1-i)*7 days before today.</summary>
    public static Trend Weekly(IEnumerable<(string Day, string Topic, long Count)> rows, DateOnly today, int weeks)
    {
        var first = today.AddDays(-7 * weeks + 1);
        var counts = new Dictionary<string, long[]>();
        foreach (var (day, topic, count) in rows)
        {
            if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date < first || date > today) continue;
            var week = (date.DayNumber - first.DayNumber) / 7;
            if (!counts.TryGetValue(topic, out var series)) counts[topic] = series = new long[weeks];
            series[week] += count;
        }
        var labels = Enumerable.Range(0, weeks).Select(w => first.AddDays(7 * w).ToString("dd/MM", CultureInfo.InvariantCulture)).ToList();
        return new Trend(labels, counts.OrderByDescending(c => c.Value.Sum()).Select(c => new Series(c.Key, c.Value)).ToList());
    }
}
