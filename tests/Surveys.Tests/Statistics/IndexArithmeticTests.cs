using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;

namespace Directive58.Surveys.Tests.Statistics;

public sealed class IndexArithmeticTests
{
    private static readonly Questionnaire Q = DefaultQuestionnaire.Create(DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 50)]
    [InlineData(5, 100)]
    [InlineData(3.8, 70)]
    public void A_mean_on_the_one_to_five_scale_rescales_to_zero_to_a_hundred(double mean, double index)
    {
        Assert.Equal(index, Moments.ToIndex(mean), 9);
    }

    [Fact]
    public void Mean_and_sample_variance_come_from_the_running_sums()
    {
        var m = Moments.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(5, m.Mean);
        Assert.Equal(32.0 / 7, m.Variance, 12); // squared deviations 9+1+1+1+0+0+4+16 = 32, over n − 1
    }

    [Fact]
    public void The_overall_index_averages_each_respondents_satisfaction_answers_not_intention_to_stay()
    {
        var tally = new UnitTally();
        // Respondent 1: satisfaction 5,3 → mean 4 (stay = 1 is not satisfaction). Respondent 2: satisfaction 2 only → 2.
        tally.AddRespondent(new Dictionary<string, int> { ["pay"] = 5, ["meals"] = 3, ["stay"] = 1 }, Q);
        tally.AddRespondent(new Dictionary<string, int> { ["union"] = 2 }, Q);

        Assert.Equal(2, tally.Respondents);
        Assert.Equal(3, tally.Overall.Mean, 12);          // (4 + 2) / 2
        Assert.Equal(50, tally.Overall.Index, 9);
        Assert.Equal(0, tally.Questions["stay"].Moments.Index, 9);
        Assert.Equal([0, 0, 1, 0, 1], tally.Questions.Where(q => q.Key is "pay" or "meals").SelectMany(q => q.Value.Counts).Chunk(5).Aggregate((a, b) => a.Zip(b, (x, y) => x + y).ToArray()));
    }
}
