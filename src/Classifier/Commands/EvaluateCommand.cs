using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Directive58.Classifier.Model;
using Directive58.Contracts;

namespace Directive58.Classifier.Commands;

/// <summary>
/// `evaluate --model FILE --data FILE.jsonl [--strip-diacritics]` or `--data DIR --heldout`: accuracy, topic
/// macro-F1, alertable precision/recall/F1, critical recall, confusion matrices, load cost and throughput;
/// the last line is a single-line JSON summary.
/// </summary>
public static class EvaluateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string>("--model") { Description = "Model file (default: the shipped model)." };
        var data = new Option<string>("--data") { Description = "Labelled JSON lines file, or a training folder with --heldout.", Required = true };
        var heldOut = new Option<bool>("--heldout") { Description = "--data is a training folder: evaluate on its held-out split." };
        var strip = new Option<bool>("--strip-diacritics") { Description = "Remove Vietnamese diacritics from every text before classifying." };
        var command = new Command("evaluate", "Evaluate a model on labelled texts.") { model, data, heldOut, strip };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(data);
            var texts = parse.GetValue(heldOut) ? TrainingCorpus.Load(path, stderr).HeldOut : LabeledText.ReadLines(path, stderr);
            var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            var loading = Stopwatch.StartNew();
            var classifier = LinearTextClassifier.Load(parse.GetValue(model) ?? LinearTextClassifier.DefaultModelPath);
            loading.Stop();
            var modelBytes = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
            stdout.WriteLine($"model {classifier.ModelVersion}: loaded in {loading.ElapsedMilliseconds} ms, {modelBytes / 1048576.0:f1} MiB managed memory");

            var inputs = parse.GetValue(strip) ? texts.Select(t => DiacriticFolding.Strip(t.Text)).ToList() : texts.Select(t => t.Text).ToList();
            var metrics = new ClassificationMetrics();
            var scoring = Stopwatch.StartNew();
            for (var i = 0; i < texts.Count; i++)
            {
                var (topic, risk, _, _) = classifier.Score(inputs[i]);
                metrics.Add(texts[i].Topic, texts[i].Risk, topic, risk);
            }
            scoring.Stop();
            GC.KeepAlive(classifier);
            Report(stdout, metrics, texts.Count, scoring.Elapsed);
            return 0;
        });
        return command;
    }

    private static void Report(TextWriter stdout, ClassificationMetrics metrics, int count, TimeSpan elapsed)
    {
        var summary = metrics.Summary();
        stdout.WriteLine($"scored {count} texts in {elapsed.TotalMilliseconds:f0} ms ({count / Math.Max(elapsed.TotalSeconds, 1e-9):f0} texts/s)");
        stdout.WriteLine($"topic accuracy {summary.TopicAccuracy:f3}, topic macro-F1 {summary.TopicMacroF1:f3}, risk accuracy {summary.RiskAccuracy:f3}");
        stdout.WriteLine($"alertable (elevated or critical): precision {summary.AlertablePrecision:f3}, recall {summary.AlertableRecall:f3}, F1 {summary.AlertableF1:f3}; critical recall {summary.CriticalRecall:f3}");
        WriteConfusion(stdout, "topic", Taxonomy.Topics, metrics.TopicConfusion());
        WriteConfusion(stdout, "risk", Taxonomy.Risks, metrics.RiskConfusion());
        stdout.WriteLine(JsonSerializer.Serialize(summary));
    }

    private static void WriteConfusion(TextWriter stdout, string name, IReadOnlyList<string> labels, int[,] matrix)
    {
        var width = labels.Max(l => l.Length) + 1;
        stdout.WriteLine($"{name} confusion (rows gold, columns predicted):");
        stdout.WriteLine(new string(' ', width) + string.Concat(labels.Select(l => Short(l).PadLeft(6))));
        for (var g = 0; g < labels.Count; g++)
            stdout.WriteLine(labels[g].PadRight(width) + string.Concat(Enumerable.Range(0, labels.Count).Select(p => matrix[g, p].ToString().PadLeft(6))));
    }

    private static string Short(string label) => label.Length <= 5 ? label : label[..5];
}
