namespace Directive58.Classifier.Model;

/// <summary>What a model file says about itself: where it came from, how it was trained, how well it did.</summary>
public sealed record ModelMetadata(
    int Format,
    string Version,
    DateTimeOffset CreatedAt,
    string TrainingDataSha256,
    int Seed,
    int TrainingTexts,
    int HeldOutTexts,
    FeaturizerOptions Featurizer,
    TrainingOptions TopicTraining,
    TrainingOptions RiskTraining,
    MetricsSummary? HeldOutMetrics,
    string Note)
{
    public const int CurrentFormat = 1;
}
