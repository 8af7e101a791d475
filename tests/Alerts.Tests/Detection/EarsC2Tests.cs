using Directive58.Alerts.Detection;
using static Directive58.Alerts.Tests.Detection.EarsHand;

namespace Directive58.Alerts.Tests.Detection;

public class EarsC2Tests
{
    [Fact]
    public void The_baseline_is_the_seven_days_ending_three_days_before()
    {
        int[] counts = [1, 2, 3, 4, 5, 6, 7, 100, 100, 10];

        var day10 = Assert.Single(Ears.Run(counts, new EarsOptions(EarsMethod.C2)));

        // Day 10 (index 9): baseline indices 0..6 = 1..7: mean 4, squared deviations
        // 9+4+1+0+1+4+9 = 28, sd = sqrt(28/6) = 2.160247; U = 4 + 3.090232·2.160247 = 10.675664.
        Assert.Equal(9, day10.Index);
        Assert.Equal(4 + Z999 * Math.Sqrt(28.0 / 6), day10.UpperBound, Tolerance);
        Assert.False(day10.Alarm);
    }

    [Fact]
    public void A_spike_one_and_two_days_before_stays_out_of_the_baseline()
    {
        int[] counts = [1, 1, 1, 1, 1, 1, 1, 50, 50, 3];

        var c2 = Ears.Run(counts, new EarsOptions(EarsMethod.C2)).Single();
        var c1 = Ears.Run(counts, new EarsOptions(EarsMethod.C1)).Last();

        // C2: baseline indices 0..6, all 1: sd 0 → σ 0.5; U = 1 + 3.090232·0.5 = 2.545116 < 3.
        Assert.Equal(1 + Z999 * 0.5, c2.UpperBound, Tolerance);
        Assert.True(c2.Alarm);
        // C1 on the same day has both 50s in its window (mean 105/7 = 15, sd = sqrt(3430/6) = 23.909552), so it stays quiet.
        Assert.Equal(9, c1.Index);
        Assert.False(c1.Alarm);
    }

    [Fact]
    public void Output_starts_on_day_ten()
    {
        Assert.Equal([9, 10], Ears.Run(new int[11], new EarsOptions(EarsMethod.C2)).Select(r => r.Index));
        Assert.Empty(Ears.Run(new int[9], new EarsOptions(EarsMethod.C2)));
    }
}
