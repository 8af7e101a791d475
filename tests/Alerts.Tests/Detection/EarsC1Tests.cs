using Directive58.Alerts.Detection;
using static Directive58.Alerts.Tests.Detection.EarsHand;

namespace Directive58.Alerts.Tests.Detection;

public class EarsC1Tests
{
    [Fact]
    public void The_upper_bound_is_the_mean_plus_z_times_the_sample_sd_of_the_seven_days_before()
    {
        int[] counts = [2, 4, 3, 5, 1, 3, 3, 9];

        var day8 = Assert.Single(Ears.Run(counts, new EarsOptions(EarsMethod.C1)));

        // Baseline 2,4,3,5,1,3,3: mean 21/7 = 3; squared deviations 1+1+0+4+4+0+0 = 10;
        // sd = sqrt(10/6) = 1.290994 (n−1); U = 3 + 3.090232·1.290994 = 6.989473.
        Assert.Equal(7, day8.Index);
        Assert.Equal(3 + Z999 * Math.Sqrt(10.0 / 6), day8.UpperBound, Tolerance);
        Assert.Equal(6.989473, day8.UpperBound, Tolerance);
        Assert.True(day8.Alarm); // 9 > 6.989473
    }

    [Fact]
    public void Output_starts_on_day_eight_the_first_day_with_a_full_baseline()
    {
        var results = Ears.Run(new int[10], new EarsOptions(EarsMethod.C1));

        Assert.Equal([7, 8, 9], results.Select(r => r.Index));
        Assert.Empty(Ears.Run(new int[7], new EarsOptions(EarsMethod.C1)));
    }

    [Fact]
    public void On_a_baseline_of_zeros_min_sigma_stops_a_single_report_from_alarming()
    {
        int[] oneReport = [0, 0, 0, 0, 0, 0, 0, 1];
        int[] twoReports = [0, 0, 0, 0, 0, 0, 0, 2];

        var one = Ears.Run(oneReport, new EarsOptions(EarsMethod.C1)).Single();
        var two = Ears.Run(twoReports, new EarsOptions(EarsMethod.C1)).Single();

        // sd = 0, floored to minSigma 0.5: U = 0 + 3.090232·0.5 = 1.545116.
        Assert.Equal(Z999 * 0.5, one.UpperBound, Tolerance);
        Assert.False(one.Alarm);
        Assert.True(two.Alarm);
    }

    [Fact]
    public void With_R_default_min_sigma_zero_a_single_report_after_silence_alarms()
    {
        int[] counts = [0, 0, 0, 0, 0, 0, 0, 1];

        var day8 = Ears.Run(counts, new EarsOptions(EarsMethod.C1, MinSigma: 0)).Single();

        Assert.Equal(0, day8.UpperBound); // mean 0 + z·0
        Assert.True(day8.Alarm);
    }

    [Fact]
    public void Min_sigma_is_a_floor_under_a_small_sd_not_only_a_stand_in_for_zero()
    {
        int[] counts = [0, 0, 0, 0, 0, 0, 1, 1];

        var day8 = Ears.Run(counts, new EarsOptions(EarsMethod.C1)).Single();

        // mean 1/7 = 0.142857; sd = sqrt((6·(1/7)² + (6/7)²)/6) = sqrt(1/7) = 0.377964 < 0.5,
        // so σ = 0.5: U = 0.142857 + 3.090232·0.5 = 1.687973 (with the raw sd it would be 1.310855).
        Assert.Equal(1.0 / 7 + Z999 * 0.5, day8.UpperBound, Tolerance);
        Assert.False(day8.Alarm);
    }

    [Fact]
    public void A_count_equal_to_the_upper_bound_does_not_alarm()
    {
        int[] equal = [2, 2, 2, 2, 2, 2, 2, 2];
        int[] above = [2, 2, 2, 2, 2, 2, 2, 3];

        var options = new EarsOptions(EarsMethod.C1, MinSigma: 0);
        var atBound = Ears.Run(equal, options).Single();

        Assert.Equal(2, atBound.UpperBound); // mean 2, sd 0
        Assert.False(atBound.Alarm);          // earsC alarms on observed > upperbound
        Assert.True(Ears.Run(above, options).Single().Alarm);
    }

    [Fact]
    public void An_explicit_alpha_and_baseline_replace_the_defaults()
    {
        int[] counts = [1, 2, 3, 4];

        var day4 = Ears.Run(counts, new EarsOptions(EarsMethod.C1, Baseline: 3, Alpha: 0.025)).Single();

        // Baseline 1,2,3: mean 2, sd = sqrt((1+0+1)/2) = 1; U = 2 + 1.959964·1 = 3.959964 < 4.
        Assert.Equal(2 + Z975, day4.UpperBound, Tolerance);
        Assert.True(day4.Alarm);
    }

    [Fact]
    public void A_baseline_under_three_days_is_rejected_as_in_earsC() =>
        Assert.Throws<ArgumentOutOfRangeException>(
            () => Ears.Run(new int[10], new EarsOptions(EarsMethod.C1, Baseline: 2)));
}
