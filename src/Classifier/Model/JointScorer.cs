namespace Directive58.Classifier.Model;

/// <summary>
/// Scores the topic and the risk head in one pass over a text's features: one table lookup per feature
/// instead of one per head, and both heads' weights for a feature side by side in memory. The sums run
/// in the same order over the same float weights as <see cref="LogisticRegression.Logits"/>, so the
/// logits are bit-for-bit the same. Immutable, so thread-safe.
/// </summary>
public sealed class JointScorer
{
    private readonly int topicClasses, riskClasses, width;
    private readonly int[] rowOfIndex;
    private readonly float[] weights;
    private readonly LogisticRegression topic, risk;

    public JointScorer(LogisticRegression topic, LogisticRegression risk)
    {
        (this.topic, this.risk) = (topic, risk);
        (topicClasses, riskClasses) = (topic.Labels.Count, risk.Labels.Count);
        width = topicClasses + riskClasses;
        rowOfIndex = new int[topic.Dimension];
        Array.Fill(rowOfIndex, -1);
        var rows = topic.FeatureIndices.Union(risk.FeatureIndices).Order().ToArray();
        for (var row = 0; row < rows.Length; row++) rowOfIndex[rows[row]] = row;
        // A feature one head pruned gets zeros there: adding 0·value leaves that head's sum unchanged.
        weights = new float[rows.Length * width];
        for (var r = 0; r < topic.FeatureIndices.Length; r++)
            topic.Weights.AsSpan(r * topicClasses, topicClasses).CopyTo(weights.AsSpan(rowOfIndex[topic.FeatureIndices[r]] * width));
        for (var r = 0; r < risk.FeatureIndices.Length; r++)
            risk.Weights.AsSpan(r * riskClasses, riskClasses).CopyTo(weights.AsSpan(rowOfIndex[risk.FeatureIndices[r]] * width + topicClasses));
    }

    /// <summary>Calibrated probabilities of both heads.</summary>
    public (double[] Topic, double[] Risk) Probabilities(SparseVector x)
    {
        var topicLogits = new double[topicClasses];
        var riskLogits = new double[riskClasses];
        for (var k = 0; k < topicClasses; k++) topicLogits[k] = topic.Bias[k];
        for (var k = 0; k < riskClasses; k++) riskLogits[k] = risk.Bias[k];
        for (var i = 0; i < x.Count; i++)
        {
            var row = rowOfIndex[x.Indices[i]];
            if (row < 0) continue;
            var value = x.Values[i];
            var offset = row * width;
            for (var k = 0; k < topicClasses; k++) topicLogits[k] += value * weights[offset + k];
            offset += topicClasses;
            for (var k = 0; k < riskClasses; k++) riskLogits[k] += value * weights[offset + k];
        }
        return (LogisticRegression.Softmax(topicLogits, topic.Temperature), LogisticRegression.Softmax(riskLogits, risk.Temperature));
    }
}
