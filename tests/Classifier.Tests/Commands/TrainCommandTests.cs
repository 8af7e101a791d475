using System.Text.Json;
using Directive58.Classifier.Commands;
using Directive58.Classifier.Model;
using Directive58.Classifier.Tests.Model;

namespace Directive58.Classifier.Tests.Commands;

public class TrainCommandTests
{
    [Fact]
    public async Task Training_writes_a_loadable_model_reports_progress_and_prints_held_out_metrics()
    {
        var folder = SyntheticCorpus.WriteFolder(SyntheticCorpus.Generate(perCombination: 3));
        try
        {
            var output = Path.Combine(folder, "out", "model.d58model");
            var (stdout, stderr) = (new StringWriter(), new StringWriter());

            var exitCode = await ClassifierCommands.RunAsync(["train", "--data", folder, "--out", output, "--epochs", "40", "--l2", "0.001"],
                TextReader.Null, stdout, stderr);

            Assert.Equal(0, exitCode);
            var loaded = LinearTextClassifier.Load(output);
            Assert.True(loaded.Metadata.Featurizer.InverseDocumentFrequency);
            Assert.NotNull(loaded.Frequencies);
            Assert.Equal(0.001, loaded.Metadata.TopicTraining.L2);
            Assert.Equal(40, loaded.Metadata.TopicTraining.MaxIterations);
            Assert.Contains("epoch 10: loss", stderr.ToString());
            Assert.DoesNotContain("epoch 11: loss", stderr.ToString());
            Assert.Contains("stopped after", stderr.ToString());
            Assert.Equal(loaded.Metadata.HeldOutMetrics, JsonSerializer.Deserialize<MetricsSummary>(stdout.ToString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Training_without_the_required_options_fails_and_says_which_is_missing()
    {
        var stderr = new StringWriter();

        var exitCode = await ClassifierCommands.RunAsync(["train", "--data", "/tmp"], TextReader.Null, TextWriter.Null, stderr);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--out", stderr.ToString());
    }
}
