using System.Globalization;

namespace Directive58.Alerts.Detection;

/// <summary>A `date,count` series as read from text, or the first line that could not be read.</summary>
public sealed record DailySeries(IReadOnlyList<DateOnly> Dates, IReadOnlyList<double> Counts, string? Error);

/// <summary>
/// Reads `date,count` lines: an optional `date,count` header first, blank lines ignored,
/// dates yyyy-MM-dd. Days must follow each other without gaps, because EARS windows count
/// positions: a missing day would silently shift every baseline. Counts are non-negative
/// numbers, so weighted daily counts (see SurgeRules) can be piped in as well as plain ones.
/// </summary>
public static class DailySeriesReader
{
    public static async Task<DailySeries> ReadAsync(TextReader input)
    {
        var dates = new List<DateOnly>();
        var counts = new List<double>();
        var lineNumber = 0;
        var seenContent = false;

        while (await input.ReadLineAsync() is { } raw)
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
                continue;
            if (!seenContent && IsHeader(line))
            {
                seenContent = true;
                continue;
            }
            seenContent = true;

            var problem = ParseLine(line, dates.Count > 0 ? dates[^1] : null, out var date, out var count);
            if (problem is not null)
                return new DailySeries(dates, counts, $"line {lineNumber}: {problem}: '{raw}'");
            dates.Add(date);
            counts.Add(count);
        }
        return new DailySeries(dates, counts, null);
    }

    private static bool IsHeader(string line) =>
        line.Replace(" ", "").Equals("date,count", StringComparison.OrdinalIgnoreCase);

    private static string? ParseLine(string line, DateOnly? previous, out DateOnly date, out double count)
    {
        count = 0;
        date = default;
        var fields = line.Split(',');
        if (fields.Length != 2)
            return "expected two fields, date,count";
        if (!DateOnly.TryParseExact(fields[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return "date is not yyyy-MM-dd";
        if (!double.TryParse(fields[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out count)
            || !double.IsFinite(count) || count < 0)
            return "count is not a non-negative number";
        if (previous is { } before && date != before.AddDays(1))
            return $"expected {before.AddDays(1):yyyy-MM-dd}, the day after {before:yyyy-MM-dd} (days must be consecutive)";
        return null;
    }
}
