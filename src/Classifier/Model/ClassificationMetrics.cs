using System.Text.Json.Serialization;
using Directive58.Contracts;

namespace Directive58.Classifier.Model;

/// <summary>The figures every evaluation reports, as the single-line JSON summary names them.</summary>
public sealed record MetricsSummary(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("topicAccuracy")] double TopicAccuracy,
    [property: JsonPropertyName("topicMacroF1")] double TopicMacroF1,
    [property: JsonPropertyName("riskAccuracy")] double RiskAccuracy,
    [property: JsonPropertyName("alertablePrecision")] double AlertablePrecision,
    [property: JsonPropertyName("alertableRecall")] double AlertableRecall,
    [property: JsonPropertyName("alertableF1")] double AlertableF1,
    [property: JsonPropertyName("criticalRecall")] double CriticalRecall);

/// <summary>Gold and predicted labels of a set of texts, and the metrics taken from them.</summary>
public sealed class ClassificationMetrics
{
    private readonly List<(string Topic, string Risk, string PredictedTopic, string PredictedRisk)> rows = [];

    public void Add(string topic, string risk, string predictedTopic, string predictedRisk) =>
        rows.Add((topic, risk, predictedTopic, predictedRisk));

    /// <summary>Counts [gold, predicted] in the order of the taxonomy's label ids.</summary>
    public int[,] TopicConfusion() => Confusion(Taxonomy.Topics, r => (r.Topic, r.PredictedTopic));

    public int[,] RiskConfusion() => Confusion(Taxonomy.Risks, r => (r.Risk, r.PredictedRisk));

    /// <summary>Macro-F1 over the topics present in the gold labels or the predictions (absent ones carry no information).</summary>
    public double TopicMacroF1()
    {
        var labels = Taxonomy.Topics.Where(t => rows.Any(r => r.Topic == t || r.PredictedTopic == t)).ToList();
        return labels.Count == 0 ? 0 : labels.Average(t => F1(
            rows.Count(r => r.Topic == t && r.PredictedTopic == t), rows.Count(r => r.PredictedTopic == t), rows.Count(r => r.Topic == t)));
    }

    public MetricsSummary Summary()
    {
        var n = rows.Count;
        var alertTrue = rows.Count(r => Taxonomy.IsAlertable(r.Risk) && Taxonomy.IsAlertable(r.PredictedRisk));
        var alertPredicted = rows.Count(r => Taxonomy.IsAlertable(r.PredictedRisk));
        var alertGold = rows.Count(r => Taxonomy.IsAlertable(r.Risk));
        return new MetricsSummary(n,
            Ratio(rows.Count(r => r.Topic == r.PredictedTopic), n), TopicMacroF1(),
            Ratio(rows.Count(r => r.Risk == r.PredictedRisk), n),
            Ratio(alertTrue, alertPredicted), Ratio(alertTrue, alertGold), F1(alertTrue, alertPredicted, alertGold),
            Ratio(rows.Count(r => r.Risk == "critical" && r.PredictedRisk == "critical"), rows.Count(r => r.Risk == "critical")));
    }

    private int[,] Confusion(IReadOnlyList<string> labels, Func<(string Topic, string Risk, string PredictedTopic, string PredictedRisk), (string Gold, string Predicted)> pick)
    {
        var matrix = new int[labels.Count, labels.Count];
        foreach (var row in rows)
        {
            var (gold, predicted) = pick(row);
            int g = IndexOf(labels, gold), p = IndexOf(labels, predicted);
            if (g >= 0 && p >= 0) matrix[g, p]++;
        }
        return matrix;
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++) if (labels[i] == label) return i;
        return -1;
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : numerator / (double)denominator;

    private static double F1(int truePositives, int predicted, int gold) =>
        predicted + gold == 0 ? 0 : 2.0 * truePositives / (predicted + gold);
}
