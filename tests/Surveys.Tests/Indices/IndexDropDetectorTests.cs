using Directive58.Contracts;
using Directive58.Surveys.Indices;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;
using Directive58.Surveys.Tests.Support;

namespace Directive58.Surveys.Tests.Indices;

public sealed class IndexDropDetectorTests : IAsyncLifetime
{
    private readonly SurveyHost _host = new();
    private static readonly Questionnaire Q = DefaultQuestionnaire.Create(DateTimeOffset.UnixEpoch);

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private static byte[] Wave(string wave, params int[] payScores) => SurveyFiles.Utf8(SurveyFiles.Csv(
        [SurveyFiles.TemplateHeader, .. payScores.Select((p, i) => SurveyFiles.Row("BN-007", wave, [p, 3, 3, 3, 3, 3, 3, 3], $"ý kiến {wave} số {i}"))]));

    [Fact]
    public async Task A_significant_fall_in_pay_satisfaction_is_announced_once_for_the_workplace()
    {
        await _host.ImportAsync(Wave("2026-H1", 4, 5, 4, 4, 5, 4));
        await _host.ImportAsync(Wave("2026-H2", 2, 1, 2, 2, 1, 2));
        await _host.ImportAsync(Wave("2026-H2", 2, 1, 2, 2, 1, 2));  // the same file again

        var drops = _host.Harness.Published.Select<SurveyIndexDropped>().Select(p => p.Context.Message).ToList();
        var pay = Assert.Single(drops, d => d.Dimension == "pay");
        Assert.Equal("BN-007", pay.WorkplaceCode);
        Assert.Equal(("2026-H2", "2026-H1"), (pay.Wave, pay.PreviousWave));
        Assert.Equal(Moments.ToIndex(26 / 6.0), pay.PreviousIndex, 1);   // mean 4.333 → 83.3
        Assert.Equal(Moments.ToIndex(10 / 6.0), pay.CurrentIndex, 1);    // mean 1.667 → 16.7
        Assert.True(pay.PValue < 0.001);
        // Overall = mean of the 7 satisfaction answers: (4.333 + 6·3)/7 → (1.667 + 18)/7, a fall of 9.5 points: below the 10-point threshold.
        Assert.DoesNotContain(drops, d => d.Dimension == "overall");
    }

    [Fact]
    public async Task A_fall_smaller_than_the_threshold_raises_nothing()
    {
        await _host.ImportAsync(Wave("2026-H1", 4, 4, 4, 4, 4, 4, 4, 4));
        await _host.ImportAsync(Wave("2026-H2", 4, 4, 4, 3, 4, 4, 4, 4));

        Assert.Empty(_host.Harness.Published.Select<SurveyIndexDropped>());
    }

    [Fact]
    public void A_large_fall_that_is_not_significant_raises_nothing()
    {
        // Means 4 → 3 (25 points) but the answers scatter widely over five people: p ≈ 0.3.
        var before = Tally(5, 5, 5, 4, 1);
        var after = Tally(5, 1, 5, 1, 3);

        var drops = IndexDropDetector.Find(Q, before, after, threshold: 10, alpha: 0.05);

        Assert.DoesNotContain(drops, d => d.Dimension == "pay");
    }

    private static UnitTally Tally(params int[] pay)
    {
        var tally = new UnitTally();
        foreach (var p in pay) tally.AddRespondent(new Dictionary<string, int> { ["pay"] = p }, Q);
        return tally;
    }
}
