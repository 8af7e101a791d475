using System.Globalization;
using System.Text.RegularExpressions;

namespace Directive58.Dashboard.Periodic;

/// <summary>
/// A month ("2026-03") or a half-year ("2026-H1") of the periodic report the federation sends upward,
/// with its bounds in Vietnam's time (UTC+7): [Start, End).
/// </summary>
public sealed partial record ReportingPeriod(string Id, DateTimeOffset Start, DateTimeOffset End)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public bool IsHalfYear => Id.Contains('H');

    /// <summary>The six-monthly survey round of the half-year the period lies in: waves are named 2026-H1, 2026-H2.</summary>
    public string SurveyWave => $"{Start.Year}-H{(Start.Month <= 6 ? 1 : 2)}";

    public static ReportingPeriod? Parse(string? id)
    {
        if (id is null) return null;
        var match = Pattern().Match(id.Trim());
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100) return null;
        if (match.Groups["half"].Success)
        {
            var firstMonth = match.Groups["half"].Value == "1" ? 1 : 7;
            var start = new DateTimeOffset(year, firstMonth, 1, 0, 0, 0, Vietnam);
            return new ReportingPeriod($"{year}-H{match.Groups["half"].Value}", start, start.AddMonths(6));
        }
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return null;
        var monthStart = new DateTimeOffset(year, month, 1, 0, 0, 0, Vietnam);
        return new ReportingPeriod($"{year}-{month:00}", monthStart, monthStart.AddMonths(1));
    }

    /// <summary>The last complete month before now: what a monthly report usually covers.</summary>
    public static ReportingPeriod LastMonth(DateTimeOffset now)
    {
        var local = now.ToOffset(Vietnam);
        var start = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, Vietnam).AddMonths(-1);
        return new ReportingPeriod($"{start.Year}-{start.Month:00}", start, start.AddMonths(1));
    }

    /// <summary>The half-year containing now, and the one before it.</summary>
    public static IReadOnlyList<string> RecentChoices(DateTimeOffset now)
    {
        var local = now.ToOffset(Vietnam);
        var months = Enumerable.Range(0, 6).Select(i => local.AddMonths(-i)).Select(d => $"{d.Year}-{d.Month:00}");
        var half = local.Month <= 6 ? 1 : 2;
        var halves = new[] { $"{local.Year}-H{half}", half == 1 ? $"{local.Year - 1}-H2" : $"{local.Year}-H1" };
        return [.. months, .. halves];
    }

    /// <summary>The median of the values (mean of the middle two for an even count); null when empty.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    [GeneratedRegex(@"^(?<year>\d{4})-(?:H(?<half>[12])|(?<month>\d{1,2}))$")]
    private static partial Regex Pattern();
}
