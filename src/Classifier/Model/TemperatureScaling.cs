namespace Directive58.Classifier.Model;

/// <summary>
/// Calibrates a model's probabilities with one temperature T (softmax(logits / T)) chosen to minimise
/// the negative log-likelihood on the held-out split (Guo et al., 2017). It never changes which label wins.
/// </summary>
public static class TemperatureScaling
{
    public static double Fit(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels)
    {
        if (logits.Count == 0) return 1;
        // Golden-section search on log T in [ln 0.05, ln 20]; the NLL is unimodal in T.
        double low = Math.Log(0.05), high = Math.Log(20);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 60; i++)
        {
            var a = high - ratio * (high - low);
            var b = low + ratio * (high - low);
            if (NegativeLogLikelihood(logits, labels, Math.Exp(a)) < NegativeLogLikelihood(logits, labels, Math.Exp(b))) high = b;
            else low = a;
        }
        return Math.Exp((low + high) / 2);
    }

    public static double NegativeLogLikelihood(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        var total = 0.0;
        for (var i = 0; i < logits.Count; i++)
            total -= Math.Log(Math.Max(LogisticRegression.Softmax(logits[i], temperature)[labels[i]], 1e-300));
        return total / logits.Count;
    }

    public static LogisticRegression WithTemperature(LogisticRegression model, double temperature) =>
        new(model.Labels, model.Dimension, model.FeatureIndices, model.Weights, model.Bias, temperature);
}
