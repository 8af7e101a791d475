namespace Directive58.Alerts.Detection;

/// <summary>
/// Turns a workplace's reports into the daily series EARS monitors: per local day, each
/// distinct reporter with an elevated or critical report counts 1 and every further such
/// report from the same reporter adds <c>repeatWeight</c>. Independent voices are the signal
/// of a real grievance; one worker writing five times is mostly one voice, though persistence
/// still says something, hence a fraction rather than nothing.
/// </summary>
public static class DailyAlertCounts
{
    public const double DefaultRepeatWeight = 0.25;

    /// <summary>Vietnam keeps UTC+7 all year, so a fixed offset decides which day a report falls on.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>One value per day from <paramref name="first"/> to <paramref name="last"/> inclusive; days without reports are 0.</summary>
    public static IReadOnlyList<double> Compute(
        IEnumerable<WorkplaceReport> reports, DateOnly first, DateOnly last,
        double repeatWeight = DefaultRepeatWeight, TimeSpan? utcOffset = null)
    {
        if (last < first)
            throw new ArgumentOutOfRangeException(nameof(last), last, "The last day comes before the first.");
        if (repeatWeight is < 0 or > 1 || double.IsNaN(repeatWeight))
            throw new ArgumentOutOfRangeException(nameof(repeatWeight), repeatWeight, "A repeat weighs between 0 and 1.");

        var offset = utcOffset ?? VietnamOffset;
        var counts = new double[last.DayNumber - first.DayNumber + 1];
        var perDayAndReporter = reports
            .Where(r => r.IsAlertable)
            .GroupBy(r => (Day: DateOnly.FromDateTime(r.OccurredAt.ToOffset(offset).DateTime), r.ReporterKey));

        foreach (var group in perDayAndReporter)
        {
            var index = group.Key.Day.DayNumber - first.DayNumber;
            if (index < 0 || index >= counts.Length)
                continue;
            counts[index] += 1 + repeatWeight * (group.Count() - 1);
        }
        return counts;
    }
}
