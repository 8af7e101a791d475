namespace Directive58.Classifier.ClassifyReport;

/// <summary>A feature (n-gram) that pushed the prediction towards a label, with its contribution.</summary>
public sealed record Evidence(string Feature, string Label, double Weight);

/// <summary>Topic and risk with calibrated probabilities per label id, and why.</summary>
public sealed record Prediction(
    string Topic, string Risk,
    IReadOnlyDictionary<string, double> TopicScores, IReadOnlyDictionary<string, double> RiskScores,
    IReadOnlyList<Evidence> Explanation);

/// <summary>Reads a Vietnamese text and predicts its taxonomy labels. Thread-safe.</summary>
public interface IReportClassifier
{
    string ModelVersion { get; }

    Prediction Classify(string text);
}
