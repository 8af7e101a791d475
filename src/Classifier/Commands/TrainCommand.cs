using System.CommandLine;
using System.Text.Json;
using Directive58.Classifier.Model;

namespace Directive58.Classifier.Commands;

/// <summary>
/// `train --data DIR --out FILE [--epochs N] [--l2 X]`: trains on every *.jsonl in DIR except the held-out
/// split, prints progress and the loss every tenth iteration (and the last) on stderr, and the held-out
/// metrics as JSON on stdout. With the defaults it produces the shipped model (data/models/classifier.d58model).
/// There is no --seed: training draws no random numbers (L-BFGS from zero weights, full batch), so the
/// same data and options always give the same model.
/// </summary>
public static class TrainCommand
{
    /// <summary>Chosen on the held-out split of the training corpus (bench/README.md), never on evaluation files.</summary>
    public static readonly FeaturizerOptions DefaultFeaturizer =
        new(HashBits: 18, CharMin: 3, CharMax: 5, CharShare: 0.5, ToneShare: 0.2, InverseDocumentFrequency: true);

    /// <summary>Brackets what held-out log-loss chose for either head (topic about 1e-7, risk about 1e-6).</summary>
    public static readonly double[] DefaultL2Candidates = [1e-7, 3e-7, 1e-6, 3e-6];

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder of training *.jsonl files.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Maximum L-BFGS iterations (full passes over the data) per model.", DefaultValueFactory = _ => 300 };
        var l2 = new Option<double?>("--l2") { Description = "Fix the L2 strength instead of choosing it on the held-out split." };
        var prune = new Option<double>("--prune")
        {
            Description = "Drop feature rows whose largest absolute weight is below this; larger values give a smaller file.",
            DefaultValueFactory = _ => 0.15,
        };
        var command = new Command("train", "Train the topic and risk models.") { data, output, epochs, l2, prune };
        command.SetAction(parse =>
        {
            var corpus = TrainingCorpus.Load(parse.GetRequiredValue(data).FullName, stderr);
            var settings = new TrainerSettings(DefaultFeaturizer,
                parse.GetValue(l2) is { } fixedL2 ? [fixedL2] : DefaultL2Candidates,
                MaxIterations: parse.GetValue(epochs), PruneBelow: parse.GetValue(prune));
            var started = TimeProvider.System.GetTimestamp();
            var classifier = new ClassifierTrainer(settings, stderr, TimeProvider.System).Train(corpus);
            var outFile = parse.GetRequiredValue(output).FullName;
            classifier.Save(outFile);
            stderr.WriteLine($"wrote {outFile} ({new FileInfo(outFile).Length / 1024.0:f0} KiB), version {classifier.ModelVersion}, " +
                $"trained in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:f1} s");
            stdout.WriteLine(JsonSerializer.Serialize(classifier.Metadata.HeldOutMetrics));
            return 0;
        });
        return command;
    }
}
