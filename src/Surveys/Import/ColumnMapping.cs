using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Questionnaires;

namespace Directive58.Surveys.Import;

/// <summary>
/// Which column feeds which target (workplaceCode, wave or a question id). A file in the template
/// layout, or exported from a form whose headers are the question texts, maps itself; otherwise
/// the mapping the user gave last time for the same source (a named source, or the same header
/// row) is reused, and the user's own mapping wins.
/// </summary>
public sealed class ColumnMapping(Database database, TimeProvider clock)
{
    private static readonly string[] WorkplaceAliases = ["workplacecode", "workplace", "manoilamviec", "madoanhnghiep", "madn", "noilamviec"];
    private static readonly string[] WaveAliases = ["wave", "dot", "dotkhaosat", "kykhaosat"];

    /// <summary>Header → target; headers absent or mapped to null are ignored.</summary>
    public static Dictionary<string, string> Auto(IReadOnlyList<string> header, Questionnaire q)
    {
        var byKey = new Dictionary<string, string>();
        foreach (var alias in WorkplaceAliases) byKey[alias] = QuestionnaireEndpoints.WorkplaceColumn;
        foreach (var alias in WaveAliases) byKey[alias] = QuestionnaireEndpoints.WaveColumn;
        foreach (var question in q.Questions)
        {
            byKey[IdentifyingColumns.Fold(question.Id)] = question.Id;
            byKey[IdentifyingColumns.Fold(question.Text)] = question.Id;
            if (question.TextEn is not null) byKey[IdentifyingColumns.Fold(question.TextEn)] = question.Id;
        }
        var mapping = new Dictionary<string, string>();
        foreach (var h in header)
            if (byKey.TryGetValue(IdentifyingColumns.Fold(h), out var target) && !mapping.ContainsValue(target)) mapping[h] = target;
        return mapping;
    }

    public static IEnumerable<string> Targets(Questionnaire q) =>
        new[] { QuestionnaireEndpoints.WorkplaceColumn, QuestionnaireEndpoints.WaveColumn }.Concat(q.Questions.Select(x => x.Id));

    public static string HeaderKey(IReadOnlyList<string> header) =>
        "headers:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001F", header.Select(IdentifyingColumns.Fold)))))[..32];

    public static IEnumerable<string> SourceKeys(IReadOnlyList<string> header, string? source) =>
        string.IsNullOrWhiteSpace(source) ? [HeaderKey(header)] : ["source:" + source.Trim().ToLowerInvariant(), HeaderKey(header)];

    public async Task<Dictionary<string, string>?> LoadAsync(Guid surveyId, IEnumerable<string> keys, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        foreach (var key in keys)
        {
            var json = await connection.ExecuteScalarAsync<string?>(
                "select mapping from survey_column_mappings where survey_id = @surveyId and source_key = @key", new { surveyId, key });
            if (json is not null) return JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        }
        return null;
    }

    public async Task SaveAsync(Guid surveyId, IEnumerable<string> keys, IReadOnlyDictionary<string, string> mapping, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var json = JsonSerializer.Serialize(mapping);
        foreach (var key in keys)
            await connection.ExecuteAsync(
                """
                insert into survey_column_mappings (survey_id, source_key, mapping, updated_at) values (@surveyId, @key, @json, @now)
                on conflict (survey_id, source_key) do update set mapping = excluded.mapping, updated_at = excluded.updated_at
                """, new { surveyId, key, json, now = clock.GetUtcNow() });
    }
}
