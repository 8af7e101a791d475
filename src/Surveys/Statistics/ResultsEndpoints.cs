using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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
        // A signed-in user sees the units under their own, as on the dashboard; an API key sees the province.
        app.MapGet("/api/v1/surveys/{surveyId:guid}/results", async (Guid surveyId, string? workplaceCode, string? zoneCode, string? provinceCode, string? wave,
            SurveyResults results, Database database, HttpContext http, CancellationToken ct) =>
        {
            var visible = await VisibleAsync(database, http, ct);
            var (level, code) = workplaceCode is { Length: > 0 } ? (UnitLevels.Workplace, workplaceCode)
                : zoneCode is { Length: > 0 } ? (UnitLevels.Zone, zoneCode)
                : provinceCode is { Length: > 0 } ? (UnitLevels.Province, provinceCode) : (null, null);
            var result = await results.ForUnitAsync(surveyId, wave, level, code, visible, ct);
            return result is null ? NotFound(surveyId, wave, code) : Results.Ok(result);
        }).RequireAuthorization(Policies.Read);

        app.MapGet("/api/v1/surveys/{surveyId:guid}/indices", async (Guid surveyId, string? wave, string? level, SurveyResults results,
            Database database, HttpContext http, CancellationToken ct) =>
        {
            level ??= UnitLevels.Workplace;
            if (!UnitLevels.All.Contains(level))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["level"] = ["level: workplace, zone hoặc/or province."] });
            var list = await results.IndicesAsync(surveyId, wave, level, await VisibleAsync(database, http, ct), ct);
            return list is null ? NotFound(surveyId, wave, null) : Results.Ok(list);
        }).RequireAuthorization(Policies.Read);
        return app;
    }

    private static async Task<IReadOnlySet<string>?> VisibleAsync(Database database, HttpContext http, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await UnitScope.WorkplacesAsync(connection, http.User);
    }

    private static IResult NotFound(Guid surveyId, string? wave, string? code) => Results.Problem(statusCode: 404, title: "Không có dữ liệu / Not found",
        detail: $"Không có bảng hỏi {surveyId}, đợt '{wave}' hoặc đơn vị '{code}'. No such questionnaire, wave or unit.");
}
