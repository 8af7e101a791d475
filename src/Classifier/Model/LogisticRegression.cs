namespace Directive58.Classifier.Model;

/// <summary>
/// A trained multinomial logistic regression (maximum entropy) over hashed features: for every
/// feature index kept, one weight per label, plus a bias per label and a softmax temperature
/// fitted on the held-out split so that scores are calibrated probabilities. Immutable, so thread-safe.
/// </summary>
public sealed class LogisticRegression
{
    private readonly int[] rowOfIndex;

    public LogisticRegression(IReadOnlyList<string> labels, int dimension, int[] featureIndices, float[] weights, float[] bias, double temperature)
    {
        if (weights.Length != featureIndices.Length * labels.Count || bias.Length != labels.Count)
            throw new ArgumentException("Weights do not match the labels and features.");
        Labels = labels;
        Dimension = dimension;
        FeatureIndices = featureIndices;
        Weights = weights;
        Bias = bias;
        Temperature = temperature;
        // A dense index → row table costs 4 bytes per hashed slot and makes scoring a plain array walk.
        rowOfIndex = new int[dimension];
        Array.Fill(rowOfIndex, -1);
        for (var row = 0; row < featureIndices.Length; row++) rowOfIndex[featureIndices[row]] = row;
    }

    public IReadOnlyList<string> Labels { get; }
    public int Dimension { get; }
    /// <summary>Hashed indices that have weights, increasing; row r of <see cref="Weights"/> belongs to FeatureIndices[r].</summary>
    public int[] FeatureIndices { get; }
    /// <summary>Row-major: Weights[row * Labels.Count + label].</summary>
    public float[] Weights { get; }
    public float[] Bias { get; }
    public double Temperature { get; }

    public double[] Logits(SparseVector x)
    {
        var classes = Labels.Count;
        var logits = new double[classes];
        for (var k = 0; k < classes; k++) logits[k] = Bias[k];
        for (var i = 0; i < x.Count; i++)
        {
            var row = rowOfIndex[x.Indices[i]];
            if (row < 0) continue;
            var value = x.Values[i];
            var offset = row * classes;
            for (var k = 0; k < classes; k++) logits[k] += value * Weights[offset + k];
        }
        return logits;
    }

    public double[] Probabilities(SparseVector x) => Softmax(Logits(x), Temperature);

    /// <summary>How much each feature of x pushed towards a label: value × weight, strongest first.</summary>
    public IEnumerable<(int Index, double Contribution)> Contributions(SparseVector x, int label)
    {
        for (var i = 0; i < x.Count; i++)
        {
            var row = rowOfIndex[x.Indices[i]];
            if (row >= 0) yield return (x.Indices[i], x.Values[i] * Weights[row * Labels.Count + label] / Temperature);
        }
    }

    public static double[] Softmax(double[] logits, double temperature)
    {
        var max = logits.Max();
        var result = new double[logits.Length];
        var sum = 0.0;
        for (var k = 0; k < logits.Length; k++) sum += result[k] = Math.Exp((logits[k] - max) / temperature);
        for (var k = 0; k < logits.Length; k++) result[k] /= sum;
        return result;
    }

    public static int ArgMax(double[] values)
    {
        var best = 0;
        for (var k = 1; k < values.Length; k++) if (values[k] > values[best]) best = k;
        return best;
    }
}
