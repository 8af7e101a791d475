using System.Text.Json;
using Dapper;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Questionnaires;

namespace Directive58.Surveys.Statistics;

public static class UnitLevels
{
    public const string Workplace = "workplace";
    public const string Zone = "zone";
    public const string Province = "province";
    public static readonly string[] All = [Workplace, Zone, Province];
}

/// <summary>A unit results are shown for: a workplace, an industrial zone or a province, with its name from the registry.</summary>
public sealed record Unit(string Level, string Code, string Name);

/// <summary>
/// Reads a wave's responses (streamed; 100,000 rows take a fraction of a second) and tallies them
/// per workplace, then per zone or province from the workplace tallies (the registry's tables are
/// read with SQL). The waves of a questionnaire are ordered by their names: 2026-H1 before 2026-H2.
/// </summary>
public sealed class SurveyTallies(Database database)
{
    private sealed record ScoreRow
    {
        public string WorkplaceCode { get; init; } = null!;
        public string Scores { get; init; } = null!;
    }

    private sealed record WorkplaceRow
    {
        public string Code { get; init; } = null!;
        public string Name { get; init; } = null!;
        public string? ZoneCode { get; init; }
        public string? ZoneName { get; init; }
        public string ProvinceCode { get; init; } = null!;
        public string? ProvinceName { get; init; }
    }

    public async Task<IReadOnlyList<string>> WavesAsync(Guid surveyId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>("select distinct wave from survey_responses where survey_id = @surveyId", new { surveyId }))
            .Order(StringComparer.Ordinal).ToList();
    }

    public static string? PreviousWave(IReadOnlyList<string> waves, string wave) => waves.Where(w => string.CompareOrdinal(w, wave) < 0).Max(StringComparer.Ordinal);

    public async Task<Dictionary<string, UnitTally>> ByWorkplaceAsync(Questionnaire q, string wave, IReadOnlyCollection<string>? workplaces = null, CancellationToken ct = default)
    {
        var tallies = new Dictionary<string, UnitTally>();
        await using var connection = await database.OpenAsync(ct);
        var rows = connection.QueryUnbufferedAsync<ScoreRow>(
            "select workplace_code as WorkplaceCode, scores from survey_responses where survey_id = @surveyId and wave = @wave",
            new { surveyId = q.Id, wave });
        await foreach (var row in rows.WithCancellation(ct))
        {
            if (workplaces is not null && !workplaces.Contains(row.WorkplaceCode)) continue;
            if (!tallies.TryGetValue(row.WorkplaceCode, out var tally)) tallies[row.WorkplaceCode] = tally = new UnitTally();
            tally.AddRespondent(JsonSerializer.Deserialize<Dictionary<string, int>>(row.Scores)!, q);
        }
        return tallies;
    }

    /// <summary>Each unit of a level with the workplaces in it, optionally only those in the given set.</summary>
    public async Task<IReadOnlyList<(Unit Unit, IReadOnlyList<string> Workplaces)>> UnitsAsync(string level, IReadOnlySet<string>? within = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<WorkplaceRow>(
            """
            select w.code, w.name, w.zone_code as ZoneCode, z.name as ZoneName, w.province_code as ProvinceCode, p.name as ProvinceName
            from workplaces w left join industrial_zones z on z.code = w.zone_code left join provinces p on p.code = w.province_code
            """)).Where(w => within is null || within.Contains(w.Code));
        return level switch
        {
            UnitLevels.Workplace => rows.Select(w => (new Unit(level, w.Code, w.Name), (IReadOnlyList<string>)[w.Code])).OrderBy(u => u.Item1.Code).ToList(),
            UnitLevels.Zone => rows.Where(w => w.ZoneCode is not null).GroupBy(w => w.ZoneCode!)
                .Select(g => (new Unit(level, g.Key, g.First().ZoneName ?? g.Key), (IReadOnlyList<string>)g.Select(w => w.Code).ToList())).OrderBy(u => u.Item1.Code).ToList(),
            UnitLevels.Province => rows.GroupBy(w => w.ProvinceCode)
                .Select(g => (new Unit(level, g.Key, g.First().ProvinceName ?? g.Key), (IReadOnlyList<string>)g.Select(w => w.Code).ToList())).OrderBy(u => u.Item1.Code).ToList(),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "workplace, zone or province"),
        };
    }

    /// <summary>A unit's tally: a workplace's own, or the combination of its workplaces' that are large enough.</summary>
    public static UnitTally TallyOf(Unit unit, IReadOnlyList<string> workplaces, IReadOnlyDictionary<string, UnitTally> byWorkplace) =>
        unit.Level == UnitLevels.Workplace
            ? byWorkplace.GetValueOrDefault(unit.Code) ?? new UnitTally()
            : UnitTally.Combine(workplaces.Select(w => byWorkplace.GetValueOrDefault(w)).OfType<UnitTally>());
}
