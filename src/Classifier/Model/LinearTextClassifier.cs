using Directive58.Classifier.ClassifyReport;

namespace Directive58.Classifier.Model;

/// <summary>
/// The report classifier. It stands in for ML.NET's text-classification pipeline (FeaturizeText
/// followed by a maximum-entropy trainer such as SdcaMaximumEntropy), which the package registry
/// here lacks: Vietnamese normalisation, hashed syllable and character n-grams, and one multinomial
/// logistic regression for the topic and one for the risk. Immutable after loading, so thread-safe.
/// </summary>
public sealed class LinearTextClassifier(ModelMetadata metadata, LogisticRegression topic, LogisticRegression risk, DocumentFrequencies? frequencies)
    : IReportClassifier
{
    public const string DefaultFileName = "classifier.d58model";
    private const int EvidencePerHead = 5;
    private readonly TextFeaturizer featurizer = new(metadata.Featurizer, frequencies);
    private readonly JointScorer scorer = new(topic, risk);

    /// <summary>The model shipped next to the executable (data/models/ is copied to models/ at build).</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "models", DefaultFileName);

    public ModelMetadata Metadata => metadata;
    public LogisticRegression Topic => topic;
    public LogisticRegression Risk => risk;
    public DocumentFrequencies? Frequencies => featurizer.Frequencies;
    public string ModelVersion => metadata.Version;

    public static LinearTextClassifier Load(string path)
    {
        var (metadata, topic, risk, frequencies) = ModelFile.Read(path);
        return new LinearTextClassifier(metadata, topic, risk, frequencies);
    }

    public void Save(string path) => ModelFile.Write(path, metadata, topic, risk, featurizer.Frequencies);

    public Prediction Classify(string text)
    {
        var normalized = VietnameseNormalizer.Normalize(text);
        var features = featurizer.Featurize(normalized);
        var (topicScores, riskScores) = scorer.Probabilities(features);
        int topicLabel = LogisticRegression.ArgMax(topicScores), riskLabel = LogisticRegression.ArgMax(riskScores);
        var names = new Dictionary<int, string>();
        featurizer.Featurize(normalized, names);
        var explanation = Evidence(topic, features, topicLabel, names).Concat(Evidence(risk, features, riskLabel, names)).ToList();
        return new Prediction(topic.Labels[topicLabel], risk.Labels[riskLabel],
            Scores(topic, topicScores), Scores(risk, riskScores), explanation);
    }

    /// <summary>Labels and probabilities without the explanation: the fast path for batch scoring.</summary>
    public (string Topic, string Risk, double[] TopicScores, double[] RiskScores) Score(string text)
    {
        var (topicScores, riskScores) = scorer.Probabilities(featurizer.Featurize(VietnameseNormalizer.Normalize(text)));
        return (topic.Labels[LogisticRegression.ArgMax(topicScores)], risk.Labels[LogisticRegression.ArgMax(riskScores)], topicScores, riskScores);
    }

    private static IEnumerable<Evidence> Evidence(LogisticRegression head, SparseVector features, int label, Dictionary<int, string> names) =>
        head.Contributions(features, label)
            .Where(c => c.Contribution > 0)
            .OrderByDescending(c => c.Contribution).ThenBy(c => c.Index)
            .Take(EvidencePerHead)
            .Select(c => new Evidence(Readable(names[c.Index]), head.Labels[label], Math.Round(c.Contribution, 4)));

    // "w:ngung viec" → "ngung viec"; "t:ngừng việc" → "ngừng việc"; "c:ung v" → "…ung v…" (a piece of a word or phrase).
    private static string Readable(string feature) => feature.StartsWith("c:") ? $"…{feature[2..].Trim()}…" : feature[2..];

    private static Dictionary<string, double> Scores(LogisticRegression head, double[] probabilities) =>
        head.Labels.Select((label, k) => (label, k)).ToDictionary(p => p.label, p => probabilities[p.k]);
}
