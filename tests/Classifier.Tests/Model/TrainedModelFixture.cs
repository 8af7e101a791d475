using Directive58.Classifier.Commands;
using Directive58.Classifier.Model;

namespace Directive58.Classifier.Tests.Model;

/// <summary>One model trained on the synthetic corpus with the shipped featurizer options (in a smaller space) and saved to a temporary file, shared by a test class.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        CorpusFolder = SyntheticCorpus.WriteFolder(SyntheticCorpus.Generate());
        var settings = new TrainerSettings(TrainCommand.DefaultFeaturizer with { HashBits = 16 }, L2Candidates: [1e-3], MaxIterations: 200);
        Classifier = new ClassifierTrainer(settings, TextWriter.Null, TimeProvider.System).Train(TrainingCorpus.Load(CorpusFolder, TextWriter.Null));
        ModelPath = Path.Combine(CorpusFolder, "test.d58model");
        Classifier.Save(ModelPath);
    }

    public string CorpusFolder { get; }
    public string ModelPath { get; }
    public LinearTextClassifier Classifier { get; }

    public void Dispose() => Directory.Delete(CorpusFolder, recursive: true);
}
