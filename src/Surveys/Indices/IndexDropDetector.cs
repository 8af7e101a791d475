using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Directive58.Surveys.Indices;

/// <summary>
/// After an import, compares each touched workplace's wave with its previous wave; an index (overall
/// or one satisfaction dimension) that fell by at least `Surveys:IndexDropThreshold` points with
/// Welch's p below `Surveys:SignificanceLevel` is recorded once and announced as
/// <see cref="SurveyIndexDropped"/>, a hot-spot signal for the workplace.
/// </summary>
public sealed class IndexDropDetector(Database database, SurveyTallies tallies, IPublishEndpoint bus, IOptions<SurveysOptions> options, TimeProvider clock)
{
    public sealed record Drop(string Dimension, Moments Before, Moments Now, WelchTest.Result Test);

    /// <summary>The dimensions whose index fell enough, significantly; both waves must have at least five respondents.</summary>
    public static IReadOnlyList<Drop> Find(Questionnaire q, UnitTally before, UnitTally now, double threshold, double alpha)
    {
        if (!SmallGroups.CanShow(before.Respondents) || !SmallGroups.CanShow(now.Respondents)) return [];
        var candidates = new List<(string, Moments?, Moments?)> { (Dimensions.Overall, before.Overall, now.Overall) };
        candidates.AddRange(q.Scales.Where(x => x.Dimension == Dimensions.Satisfaction)
            .Select(x => (x.Id, before.Questions.GetValueOrDefault(x.Id)?.Moments, now.Questions.GetValueOrDefault(x.Id)?.Moments)));
        var drops = new List<Drop>();
        foreach (var (dimension, b, n) in candidates)
        {
            if (b is null || n is null || !SmallGroups.CanShow(b.N) || !SmallGroups.CanShow(n.N)) continue;
            if (b.Index - n.Index < threshold) continue;
            if (WelchTest.Compare(b, n) is { } test && test.PValue < alpha) drops.Add(new Drop(dimension, b, n, test));
        }
        return drops;
    }

    public async Task CheckAsync(Questionnaire q, IEnumerable<(string Workplace, string Wave)> touched, CancellationToken ct)
    {
        var settings = options.Value;
        var waves = await tallies.WavesAsync(q.Id, ct);
        foreach (var group in touched.GroupBy(t => t.Wave))
        {
            var previousWave = SurveyTallies.PreviousWave(waves, group.Key);
            if (previousWave is null) continue;
            var workplaces = group.Select(t => t.Workplace).ToHashSet();
            var now = await tallies.ByWorkplaceAsync(q, group.Key, workplaces, ct);
            var before = await tallies.ByWorkplaceAsync(q, previousWave, workplaces, ct);
            foreach (var workplace in workplaces)
            {
                if (!now.TryGetValue(workplace, out var current) || !before.TryGetValue(workplace, out var earlier)) continue;
                foreach (var drop in Find(q, earlier, current, settings.IndexDropThreshold, settings.SignificanceLevel))
                    await AnnounceAsync(q, workplace, group.Key, previousWave, drop, earlier.Respondents, current.Respondents, ct);
            }
        }
    }

    private async Task AnnounceAsync(Questionnaire q, string workplace, string wave, string previousWave, Drop drop, int previousRespondents, int respondents, CancellationToken ct)
    {
        var id = Import.SyntheticIds.From("index-drop", q.Id.ToString(), workplace, wave, drop.Dimension);
        var now = clock.GetUtcNow();
        await using (var connection = await database.OpenAsync(ct))
        {
            var inserted = await connection.ExecuteAsync(
                """
                insert into survey_index_drops (id, survey_id, workplace_code, wave, dimension, previous_wave, previous_index, current_index, p_value, detected_at)
                values (@id, @surveyId, @workplace, @wave, @Dimension, @previousWave, @before, @after, @p, @now) on conflict do nothing
                """,
                new { id, surveyId = q.Id, workplace, wave, drop.Dimension, previousWave, before = drop.Before.Index, after = drop.Now.Index, p = drop.Test.PValue, now });
            if (inserted == 0) return;
        }
        await bus.Publish(new SurveyIndexDropped(id, q.Id, workplace, wave, previousWave, drop.Dimension, Math.Round(drop.Before.Index, 1),
            Math.Round(drop.Now.Index, 1), respondents, previousRespondents, drop.Test.PValue, now), ct);
    }
}
