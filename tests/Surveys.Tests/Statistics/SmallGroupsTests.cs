using System.Text.Json;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;

namespace Directive58.Surveys.Tests.Statistics;

public sealed class SmallGroupsTests
{
    private static readonly Questionnaire Q = DefaultQuestionnaire.Create(DateTimeOffset.UnixEpoch);

    private static UnitTally Workplace(int respondents, int pay = 3)
    {
        var tally = new UnitTally();
        for (var i = 0; i < respondents; i++) tally.AddRespondent(new Dictionary<string, int> { ["pay"] = pay, ["union"] = 4 }, Q);
        return tally;
    }

    [Fact]
    public void Four_respondents_are_suppressed_with_no_numbers_at_all()
    {
        var result = UnitResult.Build(Q, "2026-H1", new Unit("workplace", "BN-001", "A"), Workplace(4), null, null, 0.05);
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using var document = JsonDocument.Parse(json);
        Assert.True(result.Suppressed);
        Assert.Equal(["surveyId", "wave", "unit", "suppressed", "message"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.True(document.RootElement.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public void Five_respondents_are_shown()
    {
        var result = UnitResult.Build(Q, "2026-H1", new Unit("workplace", "BN-001", "A"), Workplace(5), null, null, 0.05);

        Assert.False(result.Suppressed);
        Assert.Equal(5, result.Respondents);
    }

    [Fact]
    public void A_zone_leaves_out_a_small_workplace_so_zone_minus_workplace_never_reveals_fewer_than_five()
    {
        var big = Workplace(20, pay: 4);
        var small = Workplace(3, pay: 1);
        var other = Workplace(6, pay: 2);

        var zone = UnitTally.Combine([big, small, other]);
        var province = UnitTally.Combine([big, small, other, Workplace(2)]);

        Assert.Equal(26, zone.Respondents);               // 20 + 6; the 3 are not counted
        Assert.Equal(26, province.Respondents);           // the 2 are not counted either
        foreach (var (a, b) in new[] { (zone, big), (zone, other), (province, zone), (province, big) })
        {
            var difference = a.Respondents - b.Respondents;
            Assert.True(difference == 0 || difference >= SmallGroups.Minimum, $"difference {difference}");
        }
        Assert.Equal((20 * 4 + 6 * 2) / 26.0, zone.Questions["pay"].Moments.Mean, 12);
    }

    [Fact]
    public void A_question_answered_by_fewer_than_five_in_a_workplace_is_withheld_there_and_left_out_above()
    {
        var partial = new UnitTally();
        for (var i = 0; i < 6; i++) partial.AddRespondent(i < 3 ? new Dictionary<string, int> { ["pay"] = 2, ["housing"] = 1 } : new Dictionary<string, int> { ["pay"] = 2 }, Q);

        var result = UnitResult.Build(Q, "2026-H1", new Unit("workplace", "BN-001", "A"), partial, null, null, 0.05);
        var combined = UnitTally.Combine([partial, Workplace(5)]);

        Assert.True(result.Questions!.Single(q => q.Id == "housing").Suppressed);
        Assert.Null(result.Questions!.Single(q => q.Id == "housing").Mean);
        Assert.False(combined.Questions.ContainsKey("housing"));
        Assert.Equal(11, combined.Questions["pay"].Moments.N);
    }

    [Theory]
    [InlineData(new[] { 10, 0, 7, 12, 6 }, new[] { 10, 0, 7, 12, 6 })]          // nothing small: all shown
    [InlineData(new[] { 10, 2, 7, 12, 6 }, new[] { 10, -1, 7, 12, -1 })]        // one small cell: the next smallest goes too (2 + 6 ≥ 5)
    [InlineData(new[] { 1, 2, 9, 12, 6 }, new[] { -1, -1, 9, 12, -1 })]         // 1 + 2 = 3 < 5: add the 6
    [InlineData(new[] { 3, 4, 9, 12, 6 }, new[] { -1, -1, 9, 12, 6 })]          // 3 + 4 = 7: two hidden, cannot be told apart
    public void Small_counts_in_a_distribution_are_withheld_so_that_subtraction_cannot_reveal_them(int[] counts, int[] expected)
    {
        var shown = SmallGroups.SuppressCells(counts);

        Assert.Equal(expected, shown.Select(c => c ?? -1));
    }
}
