using Directive58.Alerts.Detection;

namespace Directive58.Alerts.Tests.Detection;

public class NormalQuantileTests
{
    // Expected values are R 4.2.2's qnorm, printed with sprintf("%.17g").
    [Theory]
    [InlineData(0.999, 3.0902323061678132)]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.3, -0.52440051270804067)]
    [InlineData(0.6, 0.25334710313579978)]
    [InlineData(1e-12, -7.0344838253011321)] // AS 241's far-tail branch
    public void The_quantile_matches_R_qnorm_to_fifteen_digits(double p, double expected) =>
        Assert.Equal(expected, NormalQuantile.Of(p), 1e-15 * Math.Max(1, Math.Abs(expected)));

    [Fact]
    public void The_median_is_zero_and_the_tails_are_symmetric()
    {
        Assert.Equal(0, NormalQuantile.Of(0.5));
        Assert.Equal(-NormalQuantile.Of(0.001), NormalQuantile.Of(0.999), 1e-15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_probability_outside_the_open_unit_interval_is_rejected(double p) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NormalQuantile.Of(p));
}
