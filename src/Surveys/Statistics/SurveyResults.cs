using Directive58.Surveys.Questionnaires;
using Microsoft.Extensions.Options;

namespace Directive58.Surveys.Statistics;

/// <summary>Results and indices for the API and the dashboard pages, optionally limited to the workplaces a user may see.</summary>
public sealed class SurveyResults(QuestionnaireStore questionnaires, SurveyTallies tallies, IOptions<SurveysOptions> options)
{
    public async Task<UnitResult?> ForUnitAsync(Guid surveyId, string? wave, string? level, string? code, IReadOnlySet<string>? visible, CancellationToken ct = default)
    {
        if (await questionnaires.FindAsync(surveyId, ct) is not { } q) return null;
        var waves = await tallies.WavesAsync(surveyId, ct);
        wave ??= waves.LastOrDefault();
        if (wave is null || !waves.Contains(wave)) return null;
        Unit unit;
        IReadOnlyList<string>? workplaces = null;
        if (level is null) unit = ResultsEndpoints.Everything;
        else
        {
            var match = (await tallies.UnitsAsync(level, visible, ct)).FirstOrDefault(u => string.Equals(u.Unit.Code, code, StringComparison.OrdinalIgnoreCase));
            if (match.Unit is null) return null;
            (unit, workplaces) = match;
        }
        var scope = workplaces?.ToHashSet() ?? (IReadOnlyCollection<string>?)visible?.ToHashSet();
        var now = await tallies.ByWorkplaceAsync(q, wave, scope, ct);
        var previousWave = SurveyTallies.PreviousWave(waves, wave);
        var before = previousWave is null ? null : await tallies.ByWorkplaceAsync(q, previousWave, scope, ct);
        var parts = workplaces ?? now.Keys.Concat((IEnumerable<string>?)before?.Keys ?? []).Distinct().ToList();
        var tallyNow = unit.Level == UnitLevels.Workplace ? now.GetValueOrDefault(unit.Code) ?? new UnitTally() : UnitTally.Combine(parts.Select(now.GetValueOrDefault).OfType<UnitTally>());
        var tallyBefore = before is null ? null
            : unit.Level == UnitLevels.Workplace ? before.GetValueOrDefault(unit.Code) : UnitTally.Combine(parts.Select(before.GetValueOrDefault).OfType<UnitTally>());
        return UnitResult.Build(q, wave, unit, tallyNow, previousWave, tallyBefore, options.Value.SignificanceLevel);
    }

    public async Task<IReadOnlyList<UnitResult>?> IndicesAsync(Guid surveyId, string? wave, string level, IReadOnlySet<string>? visible, CancellationToken ct = default)
    {
        if (await questionnaires.FindAsync(surveyId, ct) is not { } q) return null;
        var waves = await tallies.WavesAsync(surveyId, ct);
        wave ??= waves.LastOrDefault();
        if (wave is null || !waves.Contains(wave)) return null;
        var now = await tallies.ByWorkplaceAsync(q, wave, visible?.ToHashSet(), ct);
        var previousWave = SurveyTallies.PreviousWave(waves, wave);
        var before = previousWave is null ? null : await tallies.ByWorkplaceAsync(q, previousWave, visible?.ToHashSet(), ct);
        return (await tallies.UnitsAsync(level, visible, ct))
            .Where(u => u.Workplaces.Any(now.ContainsKey))
            .Select(u => UnitResult.Build(q, wave, u.Unit, SurveyTallies.TallyOf(u.Unit, u.Workplaces, now), previousWave,
                before is null ? null : SurveyTallies.TallyOf(u.Unit, u.Workplaces, before), options.Value.SignificanceLevel, distributions: false))
            .ToList();
    }
}
