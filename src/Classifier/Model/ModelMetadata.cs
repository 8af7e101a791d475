namespace Directive58.Classifier.Model;

/// <summary>
/// What a model file says about itself: where it came from, how it was trained, how well it did.
/// Format 2 added inverse document frequencies and tone-mark features, and dropped the seed
/// (training draws no random numbers: the same data and options always give the same model).
/// </summary>
public sealed record ModelMetadata(
    int Format,
    string Version,
    DateTimeOffset CreatedAt,
    string TrainingDataSha256,
    int TrainingTexts,
    int HeldOutTexts,
    FeaturizerOptions Featurizer,
    TrainingOptions TopicTraining,
    TrainingOptions RiskTraining,
    MetricsSummary? HeldOutMetrics,
    string Note)
{
    public const int CurrentFormat = 2;
}
