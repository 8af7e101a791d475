using Directive58.ServiceDefaults.Security;
using Directive58.Surveys.Questionnaires;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Directive58.Surveys.Statistics;

/// <summary>
/// `GET /api/v1/surveys/{surveyId}/results?workplaceCode=&amp;zoneCode=&amp;provinceCode=&amp;wave=` — one
/// unit's respondent count and per-question statistics (or "suppressed": true and no numbers below
/// five respondents); no unit means every workplace together. `GET .../indices?wave=&amp;level=` — the
/// indices of every workplace, zone or province with the change against the previous wave.
/// Waves default to the latest.
/// </summary>
public static class ResultsEndpoints
{
    public static readonly Unit Everything = new("all", "*", "Tất cả / All");

    public static IEndpointRouteBuilder MapSurveyResults(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/surveys/{surveyId:guid}/results", async (Guid surveyId, string? workplaceCode, string? zoneCode, string? provinceCode, string? wave,
            SurveyResults results, CancellationToken ct) =>
        {
            var (level, code) = workplaceCode is { Length: > 0 } ? (UnitLevels.Workplace, workplaceCode)
                : zoneCode is { Length: > 0 } ? (UnitLevels.Zone, zoneCode)
                : provinceCode is { Length: > 0 } ? (UnitLevels.Province, provinceCode) : (null, null);
            var result = await results.ForUnitAsync(surveyId, wave, level, code, null, ct);
            return result is null ? NotFound(surveyId, wave, code) : Results.Ok(result);
        }).RequireAuthorization(Policies.Read);

        app.MapGet("/api/v1/surveys/{surveyId:guid}/indices", async (Guid surveyId, string? wave, string? level, SurveyResults results, CancellationToken ct) =>
        {
            level ??= UnitLevels.Workplace;
            if (!UnitLevels.All.Contains(level))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["level: workplace, zone hoặc/or province."] });
            var list = await results.IndicesAsync(surveyId, wave, level, null, ct);
            return list is null ? NotFound(surveyId, wave, null) : Results.Ok(list);
        }).RequireAuthorization(Policies.Read);
        return app;
    }

    private static IResult NotFound(Guid surveyId, string? wave, string? code) => Results.Problem(statusCode: 404, title: "Không có dữ liệu / Not found",
        detail: $"Không có bảng hỏi {surveyId}, đợt '{wave}' hoặc đơn vị '{code}'. No such questionnaire, wave or unit.");
}

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
