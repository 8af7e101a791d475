using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using Directive58.Classifier.Model;

namespace Directive58.Classifier.Commands;

/// <summary>
/// `classify`: JSON lines {"id","text"} on stdin → {"id","topic","risk","topicScores","riskScores"} on stdout,
/// one output line per valid input line; a bad line is reported on stderr with its number and skipped.
/// </summary>
public static class ClassifyCommand
{
    public static Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string>("--model") { Description = "Model file (default: the shipped model next to the executable)." };
        var command = new Command("classify", "Classify JSON lines {\"id\",\"text\"} from stdin.") { model };
        command.SetAction(async (parse, cancellation) =>
        {
            var classifier = LinearTextClassifier.Load(parse.GetValue(model) ?? LinearTextClassifier.DefaultModelPath);
            var lineNumber = 0;
            var failures = 0;
            var output = new LineWriter(stdout);
            while (await stdin.ReadLineAsync(cancellation) is { } line)
            {
                lineNumber++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                if (!TryRead(line, out var id, out var text, out var error))
                {
                    failures++;
                    await stderr.WriteLineAsync($"line {lineNumber}: skipped, {error}");
                    continue;
                }
                var (topic, risk, topicScores, riskScores) = classifier.Score(text);
                output.Write(id, topic, risk, classifier.Topic.Labels, topicScores, classifier.Risk.Labels, riskScores);
            }
            await stdout.FlushAsync(cancellation);
            // Skipping is the contract, not a failure: the skipped lines are listed on stderr.
            if (failures > 0) await stderr.WriteLineAsync($"{failures} line(s) skipped");
            return 0;
        });
        return command;
    }

    private static bool TryRead(string line, out JsonElement id, out string text, out string error)
    {
        (id, text, error) = (default, "", "");
        try
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.ValueKind != JsonValueKind.Object) error = "not a JSON object";
            else if (!json.RootElement.TryGetProperty("id", out var idElement) || idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
                error = "no \"id\" (string or number)";
            else if (!json.RootElement.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
                error = "no \"text\" string";
            else (id, text) = (idElement.Clone(), textElement.GetString()!);
        }
        catch (JsonException e)
        {
            error = $"invalid JSON ({e.Message})";
        }
        return error.Length == 0;
    }

    /// <summary>One JSON object per line, through buffers reused for every line: per-line allocations showed in profiles.</summary>
    private sealed class LineWriter(TextWriter stdout)
    {
        private readonly ArrayBufferWriter<byte> bytes = new(1024);
        private readonly Utf8JsonWriter json = new(Stream.Null);
        private char[] chars = new char[1024];

        public void Write(JsonElement id, string topic, string risk,
            IReadOnlyList<string> topicLabels, double[] topicScores, IReadOnlyList<string> riskLabels, double[] riskScores)
        {
            bytes.ResetWrittenCount();
            json.Reset(bytes);
            json.WriteStartObject();
            json.WritePropertyName("id");
            id.WriteTo(json);
            json.WriteString("topic", topic);
            json.WriteString("risk", risk);
            WriteScores(json, "topicScores", topicLabels, topicScores);
            WriteScores(json, "riskScores", riskLabels, riskScores);
            json.WriteEndObject();
            json.Flush();
            var needed = Encoding.UTF8.GetMaxCharCount(bytes.WrittenCount);
            if (chars.Length < needed) chars = new char[needed * 2];
            var count = Encoding.UTF8.GetChars(bytes.WrittenSpan, chars);
            stdout.Write(chars, 0, count);
            stdout.WriteLine();
        }
    }

    private static void WriteScores(Utf8JsonWriter writer, string name, IReadOnlyList<string> labels, double[] scores)
    {
        writer.WriteStartObject(name);
        for (var k = 0; k < labels.Count; k++) writer.WriteNumber(labels[k], Math.Round(scores[k], 6));
        writer.WriteEndObject();
    }
}
