using System.Text.Json;
using Directive58.Classifier.Commands;
using Directive58.Classifier.Model;
using Directive58.Classifier.Tests.Model;

namespace Directive58.Classifier.Tests.Commands;

public class EvaluateCommandTests(TrainedModelFixture model) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public async Task The_summary_equals_metrics_computed_by_hand()
    {
        // Each text is built to be predicted as (predicted topic, predicted risk); the gold labels differ on purpose.
        var random = new Random(3);
        (string Topic, string Risk, string GoldTopic, string GoldRisk)[] rows =
        [
            ("wages", "critical", "wages", "critical"),                 // all right; alertable TP; critical found
            ("wages", "low", "wages", "elevated"),                      // risk wrong; alertable FN
            ("employment", "elevated", "employment", "elevated"),       // all right; alertable TP
            ("none", "none", "union_relations", "none"),                // topic wrong, risk right
            ("safety_health", "critical", "safety_health", "low"),      // risk wrong; alertable FP
            ("living_conditions", "critical", "living_conditions", "critical"), // all right; alertable TP; critical found
        ];
        var file = Path.Combine(Directory.CreateTempSubdirectory("d58-eval-").FullName, "eval.jsonl");
        File.WriteAllLines(file, rows.Select((r, i) => JsonSerializer.Serialize(new
        {
            id = $"e-{i}", text = SyntheticCorpus.Text(r.Topic, r.Risk, random), topic = r.GoldTopic, risk = r.GoldRisk,
        })));
        var stdout = new StringWriter();

        var exitCode = await ClassifierCommands.RunAsync(["evaluate", "--model", model.ModelPath, "--data", file], TextReader.Null, stdout, TextWriter.Null);

        Assert.Equal(0, exitCode);
        var summary = JsonSerializer.Deserialize<MetricsSummary>(stdout.ToString().TrimEnd().Split('\n')[^1])!;
        Assert.Equal(6, summary.N);
        Assert.Equal(5 / 6.0, summary.TopicAccuracy, precision: 9);
        // Topics present: wages, employment, safety_health, living_conditions (F1 = 1), none and union_relations (F1 = 0).
        Assert.Equal(4 / 6.0, summary.TopicMacroF1, precision: 9);
        Assert.Equal(4 / 6.0, summary.RiskAccuracy, precision: 9);
        Assert.Equal(0.75, summary.AlertablePrecision, precision: 9);
        Assert.Equal(0.75, summary.AlertableRecall, precision: 9);
        Assert.Equal(0.75, summary.AlertableF1, precision: 9);
        Assert.Equal(1.0, summary.CriticalRecall, precision: 9);
        Assert.Contains("topic confusion", stdout.ToString());
        Assert.Contains("risk confusion", stdout.ToString());
    }

    [Fact]
    public async Task The_held_out_split_of_a_training_folder_can_be_evaluated()
    {
        var stdout = new StringWriter();

        var exitCode = await ClassifierCommands.RunAsync(["evaluate", "--model", model.ModelPath, "--data", model.CorpusFolder, "--heldout"],
            TextReader.Null, stdout, TextWriter.Null);

        Assert.Equal(0, exitCode);
        var summary = JsonSerializer.Deserialize<MetricsSummary>(stdout.ToString().TrimEnd().Split('\n')[^1])!;
        Assert.Equal(TrainingCorpus.Load(model.CorpusFolder, TextWriter.Null).HeldOut.Count, summary.N);
        Assert.Equal(model.Classifier.Metadata.HeldOutMetrics, summary);
    }
}
