using System.Text.Json;

namespace Directive58.Classifier.Model;

/// <summary>One line of a training or evaluation file: {"id","text","topic","risk",...}.</summary>
public sealed record LabeledText(string Id, string Text, string Topic, string Risk)
{
    /// <summary>Reads labelled JSON lines; a line that is not valid or lacks a field is reported and skipped.</summary>
    public static List<LabeledText> ReadLines(string path, TextWriter warnings)
    {
        var result = new List<LabeledText>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                result.Add(new LabeledText(
                    root.GetProperty("id").ToString(), root.GetProperty("text").GetString()!,
                    root.GetProperty("topic").GetString()!, root.GetProperty("risk").GetString()!));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                warnings.WriteLine($"{Path.GetFileName(path)}:{lineNumber}: skipped ({e.Message})");
            }
        }
        return result;
    }
}
