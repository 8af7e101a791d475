namespace Directive58.Classifier.Model;

/// <summary>
/// Fits a <see cref="LogisticRegression"/> by minimising the class-weighted average cross-entropy
/// plus L2/2·‖W‖² with L-BFGS. Only features seen in training get parameters (the others would stay
/// at zero under L2 anyway), which keeps the optimiser's memory to the corpus's vocabulary.
/// </summary>
public static class LogisticRegressionTrainer
{
    public static LogisticRegression Train(IReadOnlyList<SparseVector> texts, IReadOnlyList<int> labels, IReadOnlyList<string> labelNames,
        int dimension, TrainingOptions options, Action<int, double, bool>? progress = null) =>
        TrainPath(texts, labels, labelNames, dimension, [options], (_, iteration, loss, last) => progress?.Invoke(iteration, loss, last))[0];

    /// <summary>
    /// One model per options in turn, each optimisation starting from the previous one's weights (a warm start:
    /// put the strongest L2 first and the weaker ones need few iterations), until <paramref name="goOn"/> says
    /// stop after a model. Deterministic, single-threaded.
    /// </summary>
    public static IReadOnlyList<LogisticRegression> TrainPath(IReadOnlyList<SparseVector> texts, IReadOnlyList<int> labels,
        IReadOnlyList<string> labelNames, int dimension, IReadOnlyList<TrainingOptions> path,
        Action<TrainingOptions, int, double, bool>? progress = null, Func<LogisticRegression, bool>? goOn = null)
    {
        var classes = labelNames.Count;
        var features = texts.SelectMany(t => t.Indices).Distinct().Order().ToArray();
        var columnOf = new Dictionary<int, int>(features.Length);
        for (var c = 0; c < features.Length; c++) columnOf[features[c]] = c;
        var columns = texts.Select(t => t.Indices.Select(i => columnOf[i]).ToArray()).ToArray();
        var biasOffset = features.Length * classes;
        var parameters = new double[biasOffset + classes];
        var models = new List<LogisticRegression>();
        foreach (var options in path)
        {
            var objective = Objective(texts, labels, columns, classes, biasOffset, options);
            Lbfgs.Minimize(objective, parameters, options.MaxIterations, progress: (i, loss, last) => progress?.Invoke(options, i, loss, last));
            models.Add(Prune(labelNames, dimension, features, parameters, options.PruneBelow));
            if (goOn?.Invoke(models[^1]) == false) break;
        }
        return models;
    }

    private static Lbfgs.Objective Objective(IReadOnlyList<SparseVector> texts, IReadOnlyList<int> labels, int[][] columns,
        int classes, int biasOffset, TrainingOptions options)
    {
        var sampleWeights = SampleWeights(labels, classes, options.ClassWeightPower);
        var totalWeight = sampleWeights.Sum();
        return (theta, gradient) =>
        {
            Array.Clear(gradient);
            var loss = 0.0;
            var logits = new double[classes];
            for (var t = 0; t < texts.Count; t++)
            {
                var values = texts[t].Values;
                var cols = columns[t];
                for (var k = 0; k < classes; k++) logits[k] = theta[biasOffset + k];
                for (var i = 0; i < cols.Length; i++)
                    for (var k = 0; k < classes; k++) logits[k] += values[i] * theta[cols[i] * classes + k];
                var p = LogisticRegression.Softmax(logits, 1);
                var scale = sampleWeights[t] / totalWeight;
                loss -= scale * Math.Log(Math.Max(p[labels[t]], 1e-300));
                p[labels[t]] -= 1;
                for (var k = 0; k < classes; k++) gradient[biasOffset + k] += scale * p[k];
                for (var i = 0; i < cols.Length; i++)
                    for (var k = 0; k < classes; k++) gradient[cols[i] * classes + k] += scale * values[i] * p[k];
            }
            for (var j = 0; j < biasOffset; j++)
            {
                loss += 0.5 * options.L2 * theta[j] * theta[j];
                gradient[j] += options.L2 * theta[j];
            }
            return loss;
        };
    }

    // weight(label) = (n / (classes · n_label))^power: power 1 gives every label the same total weight.
    private static double[] SampleWeights(IReadOnlyList<int> labels, int classes, double power)
    {
        var counts = new int[classes];
        foreach (var label in labels) counts[label]++;
        return labels.Select(l => Math.Pow(labels.Count / (double)(classes * counts[l]), power)).ToArray();
    }

    private static LogisticRegression Prune(IReadOnlyList<string> labelNames, int dimension, int[] features, double[] parameters, double threshold)
    {
        var classes = labelNames.Count;
        var keptIndices = new List<int>();
        var keptWeights = new List<float>();
        for (var c = 0; c < features.Length; c++)
        {
            var row = parameters.AsSpan(c * classes, classes);
            var largest = 0.0;
            foreach (var w in row) largest = Math.Max(largest, Math.Abs(w));
            if (largest < threshold || largest == 0) continue;
            keptIndices.Add(features[c]);
            // Rounded to float16 here, as the model file stores them, so a saved and reloaded model predicts exactly the same.
            foreach (var w in row) keptWeights.Add((float)(Half)w);
        }
        var bias = parameters.AsSpan(features.Length * classes, classes).ToArray().Select(b => (float)b).ToArray();
        return new LogisticRegression(labelNames, dimension, keptIndices.ToArray(), keptWeights.ToArray(), bias, temperature: 1);
    }
}
