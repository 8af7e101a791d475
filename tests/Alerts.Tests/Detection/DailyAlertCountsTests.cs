using Directive58.Alerts.Detection;

namespace Directive58.Alerts.Tests.Detection;

public class DailyAlertCountsTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateOnly June1 = new(2025, 6, 1);

    private static WorkplaceReport At(int day, int hour, string risk, string? reporter) =>
        new(new DateTimeOffset(2025, 6, day, hour, 0, 0, Vietnam), risk, reporter);

    [Fact]
    public void Distinct_reporters_count_one_each_and_repeats_a_quarter()
    {
        WorkplaceReport[] reports =
        [
            At(1, 9, "elevated", "w1"), At(1, 10, "elevated", "w1"), At(1, 11, "critical", "w1"),
            At(1, 12, "elevated", "w2"),
            At(3, 8, "critical", null),
        ];

        var counts = DailyAlertCounts.Compute(reports, June1, June1.AddDays(3));

        // June 1: w1 = 1 + 0.25·2 = 1.5, w2 = 1 → 2.5. June 3: one anonymous report → 1.
        Assert.Equal([2.5, 0, 1, 0], counts);
    }

    [Fact]
    public void Only_elevated_and_critical_reports_are_counted() =>
        Assert.Equal([0.0], DailyAlertCounts.Compute([At(1, 9, "low", "w1"), At(1, 9, "none", "w2")], June1, June1));

    [Fact]
    public void Days_follow_Vietnam_time_not_UTC()
    {
        // 18:00 UTC on 31 May is 01:00 on 1 June in Hanoi.
        var lateUtc = new WorkplaceReport(new DateTimeOffset(2025, 5, 31, 18, 0, 0, TimeSpan.Zero), "elevated", "w1");

        Assert.Equal([1.0], DailyAlertCounts.Compute([lateUtc], June1, June1));
        Assert.Equal([0.0], DailyAlertCounts.Compute([lateUtc], June1, June1, utcOffset: TimeSpan.Zero));
    }

    [Fact]
    public void Reports_outside_the_requested_days_are_left_out() =>
        Assert.Equal([0.0, 1.0], DailyAlertCounts.Compute(
            [At(1, 9, "elevated", "w1"), At(2, 9, "elevated", "w1"), At(5, 9, "elevated", "w1")],
            June1.AddDays(-1), June1));

    [Fact]
    public void The_counts_feed_EARS_directly()
    {
        var reports = Enumerable.Range(0, 3).Select(i => At(8, 9 + i, "elevated", $"w{i}"));

        var counts = DailyAlertCounts.Compute(reports, June1, June1.AddDays(7));
        var day8 = Ears.Run(counts, new EarsOptions(EarsMethod.C1)).Single();

        // Seven silent days, then three independent reporters: 3 > 0 + 3.090232·0.5 = 1.545116.
        Assert.Equal(3, day8.Count);
        Assert.True(day8.Alarm);
    }
}
