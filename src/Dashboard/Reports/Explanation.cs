using System.Text.Json;

namespace Directive58.Dashboard.Reports;

/// <summary>
/// The classifier's explanation (classifications.explanation) made readable: the words that pushed
/// the text towards each label, strongest first. Read leniently, so a changed model format degrades
/// to its raw text rather than to an error page.
/// </summary>
public static class Explanation
{
    public sealed record Reason(string Feature, string Label, double Weight);

    public static IReadOnlyList<Reason> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return [];
            return document.RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => new Reason(Text(e, "feature"), Text(e, "label"), Number(e, "weight")))
                .Where(r => r.Feature.Length > 0)
                .OrderByDescending(r => Math.Abs(r.Weight))
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v ? v.GetString()! : "";

    private static double Number(JsonElement e, string name) =>
        e.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : 0;
}
