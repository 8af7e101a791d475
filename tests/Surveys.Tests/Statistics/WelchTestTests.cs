using Directive58.Surveys.Statistics;

namespace Directive58.Surveys.Tests.Statistics;

public sealed class WelchTestTests
{
    [Fact]
    public void A_fall_from_a_mean_of_four_to_two_matches_the_hand_computation()
    {
        // Earlier {4,5,4,3,4}: n 5, mean 4, squared deviations 0+1+0+1+0 = 2, variance 2/4 = 0.5, s²/n = 0.1.
        // Later {2,3,2,1,2,2}: n 6, mean 2, squared deviations 2, variance 2/5 = 0.4, s²/n = 0.4/6 = 0.0666…
        // t = (2 − 4) / √(0.1 + 0.0666…) = −2 / 0.408248 = −4.898979
        // df = 0.1666…² / (0.1²/4 + 0.0666…²/5) = 0.0277778 / 0.0033889 = 8.196721
        // p: R 4.2 t.test(c(2,3,2,1,2,2), c(4,5,4,3,4)) gives 0.001114069.
        var result = WelchTest.Compare(Moments.Of([4, 5, 4, 3, 4]), Moments.Of([2, 3, 2, 1, 2, 2]))!;

        Assert.Equal(-4.898979, result.T, 6);
        Assert.Equal(8.196721, result.DegreesOfFreedom, 6);
        Assert.Equal(0.001114069, result.PValue, 8);
    }

    [Fact]
    public void A_smaller_fall_with_unequal_groups_matches_the_hand_computation()
    {
        // Earlier {3,4,2,5,3,4,4,3}: n 8, mean 3.5, squared deviations 6, variance 6/7, s²/n = 0.107143.
        // Later {2,3,3,1,4,2,2}: n 7, sum 17, sum of squares 47, SS = 47 − 289/7 = 5.714286, variance 0.952381, s²/n = 0.136054.
        // t = (2.428571 − 3.5) / √0.243197 = −1.071429 / 0.493150 = −2.172620
        // df = 0.243197² / (0.107143²/7 + 0.136054²/6) = 12.517241; p (R) = 0.04966143.
        var result = WelchTest.Compare(Moments.Of([3, 4, 2, 5, 3, 4, 4, 3]), Moments.Of([2, 3, 3, 1, 4, 2, 2]))!;

        Assert.Equal(-2.172620, result.T, 5);
        Assert.Equal(12.517241, result.DegreesOfFreedom, 5);
        Assert.Equal(0.04966143, result.PValue, 7);
    }

    [Fact]
    public void At_the_textbook_critical_value_for_ten_degrees_of_freedom_p_is_five_percent()
    {
        // Equal n (6 and 6) and equal variances give df = 2(n − 1) = 10 exactly; t(0.975, 10) = 2.228139 from any t table.
        var earlier = Moments.Of([1, 2, 3, 4, 5, 3]);
        var shift = 2.228139 * Math.Sqrt(2 * earlier.Variance / 6);
        var result = WelchTest.Compare(earlier, Moments.Of([1 + shift, 2 + shift, 3 + shift, 4 + shift, 5 + shift, 3 + shift]))!;

        Assert.Equal(10, result.DegreesOfFreedom, 9);
        Assert.Equal(0.05, result.PValue, 6);
    }

    [Fact]
    public void Groups_without_spread_are_significant_when_their_means_differ_and_not_when_equal()
    {
        Assert.Equal(0, WelchTest.Compare(Moments.Of([4, 4, 4]), Moments.Of([2, 2, 2]))!.PValue);
        Assert.Equal(1, WelchTest.Compare(Moments.Of([3, 3, 3]), Moments.Of([3, 3]))!.PValue);
        Assert.Null(WelchTest.Compare(Moments.Of([3]), Moments.Of([3, 4])));
    }
}
