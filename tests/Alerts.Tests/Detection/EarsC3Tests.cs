using Directive58.Alerts.Detection;
using static Directive58.Alerts.Tests.Detection.EarsHand;

namespace Directive58.Alerts.Tests.Detection;

/// <summary>
/// C3 as surveillance 1.20.3 computes it: L = max(0, C2(t−2) − 1) + max(0, C2(t−1) − 1),
/// U = max(0, Y(t) + σ₂(t)·(z − L)), alarm when Y(t) &gt; U. All series here have a zero
/// C2 baseline, so σ₂ = minSigma 0.5 and C2(i) = Y(i) / 0.5.
/// </summary>
public class EarsC3Tests
{
    private static readonly EarsOptions C3 = new(EarsMethod.C3);

    [Fact]
    public void Two_moderate_days_accumulate_into_an_alarm_neither_raises_alone()
    {
        int[] counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1];

        var results = Ears.Run(counts, C3);

        Assert.Equal([11, 12, 13], results.Select(r => r.Index));
        // Index 11: L = 0 + 0;                      U = 1 + 0.5·(1.959964 − 0) = 1.979982.
        // Index 12: C2(11) = 1/0.5 = 2 → L = 0 + 1; U = 1 + 0.5·(1.959964 − 1) = 1.479982.
        // Index 13: C2(11) = C2(12) = 2 → L = 1 + 1 = 2 > z; U = 1 + 0.5·(1.959964 − 2) = 0.979982.
        Assert.Equal(1 + 0.5 * Z975, results[0].UpperBound, Tolerance);
        Assert.Equal(1 + 0.5 * (Z975 - 1), results[1].UpperBound, Tolerance);
        Assert.Equal(1 + 0.5 * (Z975 - 2), results[2].UpperBound, Tolerance);
        Assert.Equal([false, false, true], results.Select(r => r.Alarm));
    }

    [Fact]
    public void As_in_R_a_spike_alarms_on_the_following_days_not_on_its_own()
    {
        int[] counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1, 1, 0];

        var results = Ears.Run(counts, C3);
        var byIndex = results.ToDictionary(r => r.Index);

        // Index 12 (the 5): L = 0, and U is built on today's count: 5 + 0.5·1.959964 = 5.979982.
        Assert.Equal(5 + 0.5 * Z975, byIndex[12].UpperBound, Tolerance);
        Assert.False(byIndex[12].Alarm);
        // Index 13: C2(12) = 5/0.5 = 10 → L = 9; 1 + 0.5·(1.959964 − 9) < 0, so U = 0 < 1.
        Assert.Equal(0, byIndex[13].UpperBound);
        Assert.True(byIndex[13].Alarm);
        // Index 14: L = 9 + (2 − 1) = 10; U = 0 < 1.
        Assert.True(byIndex[14].Alarm);
        // Index 15: L = 1 + 1 = 2 > z, but Y = 0 and U = max(0, 0 + σ·(z − 2)) = 0: 0 > 0 is false.
        Assert.Equal(0, byIndex[15].UpperBound);
        Assert.False(byIndex[15].Alarm);
    }

    [Fact]
    public void Output_starts_on_day_twelve_once_C2_exists_for_the_two_days_before()
    {
        Assert.Equal([11, 12], Ears.Run(new int[13], C3).Select(r => r.Index));
        Assert.Empty(Ears.Run(new int[11], C3));
    }

    [Fact]
    public void The_default_alpha_for_C3_is_0_025()
    {
        var day12 = Ears.Run(new int[12], C3).Single();

        Assert.Equal(0.025, C3.EffectiveAlpha);
        Assert.Equal(0.5 * Z975, day12.UpperBound, Tolerance); // 0 + 0.5·(1.959964 − 0)
    }
}
