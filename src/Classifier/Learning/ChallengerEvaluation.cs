using Directive58.Classifier.ClassifyReport;
using Directive58.Classifier.Model;

namespace Directive58.Classifier.Learning;

/// <summary>Champion against challenger on the same fixed held-out texts.</summary>
public static class ChallengerEvaluation
{
    public static MetricsSummary Evaluate(IReportClassifier model, IEnumerable<LabeledText> heldOut)
    {
        var metrics = new ClassificationMetrics();
        foreach (var text in heldOut)
        {
            var prediction = model.Classify(text.Text);
            metrics.Add(text.Topic, text.Risk, prediction.Topic, prediction.Risk);
        }
        return metrics.Summary();
    }

    /// <summary>
    /// Promote only a challenger that is not worse where it matters: topic macro-F1 and the F1 of
    /// alertable risk (what decides whether someone is told) must both hold at least the champion's.
    /// </summary>
    public static bool IsNotWorse(MetricsSummary challenger, MetricsSummary champion) =>
        challenger.TopicMacroF1 >= champion.TopicMacroF1 - 1e-9 && challenger.AlertableF1 >= champion.AlertableF1 - 1e-9;
}
