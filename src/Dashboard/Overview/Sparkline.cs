using System.Globalization;

namespace Directive58.Dashboard.Overview;

/// <summary>A tiny inline SVG line of daily counts, drawn on the server: no script, prints as it shows.</summary>
public static class Sparkline
{
    public const int Width = 120;
    public const int Height = 24;

    /// <summary>The points attribute of an SVG polyline for these counts (oldest first), scaled to the box.</summary>
    public static string Points(IReadOnlyList<long> counts)
    {
        if (counts.Count == 0) return "";
        var max = Math.Max(1, counts.Max());
        var step = counts.Count == 1 ? 0 : (double)Width / (counts.Count - 1);
        return string.Join(' ', counts.Select((c, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{i * step:0.#},{Height - 2 - (Height - 4) * (double)c / max:0.#}")));
    }

    /// <summary>One count per day for the last <paramref name="days"/> days ending today, zeros where nothing happened.</summary>
    public static IReadOnlyList<long> Daily(IReadOnlyDictionary<string, long> byDay, DateOnly today, int days) =>
        Enumerable.Range(0, days).Select(i => byDay.GetValueOrDefault(today.AddDays(i - days + 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
}
