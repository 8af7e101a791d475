using Directive58.Alerts.DailyDetection;

namespace Directive58.Alerts.Tests.DailyDetection;

public sealed class EarsVerdictTests
{
    [Theory]
    [InlineData(false, false, false, null)]
    [InlineData(true, false, false, null)]
    [InlineData(false, true, false, "watch")]
    [InlineData(false, false, true, "watch")]
    [InlineData(true, true, false, "warning")]
    [InlineData(false, true, true, "warning")]
    [InlineData(true, true, true, "warning")]
    public void C2_or_C3_opens_a_watch_and_agreement_with_C2_makes_it_a_warning(bool c1, bool c2, bool c3, string? level) =>
        Assert.Equal(level, EarsVerdict.Decide(c1, c2, c3)?.Level);
}
