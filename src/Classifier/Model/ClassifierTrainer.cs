using Directive58.Contracts;

namespace Directive58.Classifier.Model;

/// <summary>What to train and how: the L2 candidates are tried on the held-out split and the best kept.</summary>
public sealed record TrainerSettings(
    FeaturizerOptions Featurizer, IReadOnlyList<double> L2Candidates, double ClassWeightPower = 1,
    int MaxIterations = 300, double PruneBelow = 0.15);

/// <summary>
/// Trains the topic and risk regressions on the training split of a corpus, picks each one's L2
/// strength by held-out log-loss, calibrates a temperature on the held-out split and records the
/// held-out metrics. The held-out texts never reach the optimiser nor the document frequencies.
/// </summary>
public sealed class ClassifierTrainer(TrainerSettings settings, TextWriter log, TimeProvider clock)
{
    public LinearTextClassifier Train(TrainingCorpus corpus)
    {
        var (trainingTexts, heldOutTexts) = (Valid(corpus.Training).ToList(), Valid(corpus.HeldOut).ToList());
        var (trainingNormalized, heldOutNormalized) = (Normalize(trainingTexts), Normalize(heldOutTexts));
        var frequencies = settings.Featurizer.InverseDocumentFrequency
            ? DocumentFrequencies.Count(Featurize(new TextFeaturizer(settings.Featurizer with { InverseDocumentFrequency = false }), trainingNormalized), settings.Featurizer.Dimension)
            : null;
        var featurizer = new TextFeaturizer(settings.Featurizer, frequencies);
        var training = new FeaturizedSet(Featurize(featurizer, trainingNormalized), Topics(trainingTexts), Risks(trainingTexts));
        var heldOut = new FeaturizedSet(Featurize(featurizer, heldOutNormalized), Topics(heldOutTexts), Risks(heldOutTexts));
        log.WriteLine($"{training.Texts.Count} training texts, {heldOut.Texts.Count} held-out texts, data sha256 {corpus.Sha256[..12]}");

        // The two heads are independent and each is fitted single-threaded, so fitting them side by side
        // changes only the order of the log lines, never the result.
        var topicHead = Task.Run(() => TrainHead("topic", Taxonomy.Topics, training.Texts, training.Topics, heldOut.Texts, heldOut.Topics));
        var (risk, riskOptions) = TrainHead("risk", Taxonomy.Risks, training.Texts, training.Risks, heldOut.Texts, heldOut.Risks);
        var (topic, topicOptions) = topicHead.GetAwaiter().GetResult();

        var metrics = heldOut.Texts.Count == 0 ? null : HeldOutMetrics(topic, risk, heldOut);
        var createdAt = clock.GetUtcNow();
        var version = $"{createdAt:yyyy.MM.dd}-{ModelFile.ContentHash(ModelFile.CompressWeights(topic, risk, frequencies))}";
        var metadata = new ModelMetadata(ModelMetadata.CurrentFormat, version, createdAt, corpus.Sha256,
            training.Texts.Count, heldOut.Texts.Count, settings.Featurizer, topicOptions, riskOptions, metrics,
            "Multinomial logistic regression (L-BFGS, L2, class-weighted) over TF-IDF-weighted hashed syllable 1-2-grams and character n-grams of diacritic-free text, plus syllable 1-2-grams with tone marks when the text has them; IDF from the training split; temperature fitted on the held-out split (FNV-1a(id) % 10 == 0).");
        return new LinearTextClassifier(metadata, topic, risk, frequencies);
    }

    private (LogisticRegression Model, TrainingOptions Options) TrainHead(string name, IReadOnlyList<string> labels,
        List<SparseVector> texts, List<int> gold, List<SparseVector> heldOutTexts, List<int> heldOutGold)
    {
        // Strongest L2 first, each fit warm-started from the previous one; the held-out log-loss of these
        // fits falls and then rises, so the path stops at the first rise.
        var path = settings.L2Candidates.OrderDescending()
            .Select(l2 => new TrainingOptions(l2, settings.ClassWeightPower, settings.MaxIterations, settings.PruneBelow)).ToList();
        var fits = new List<(LogisticRegression Model, TrainingOptions Options, double Loss)>();
        LogisticRegressionTrainer.TrainPath(texts, gold, labels, settings.Featurizer.Dimension, path, (options, iteration, loss, last) =>
        {
            if (last) Log($"  {name} l2={options.L2:g3}: stopped after {iteration} iterations, loss {loss:f5}");
            else if (iteration % 10 == 0) Log($"  {name} l2={options.L2:g3} epoch {iteration}: loss {loss:f5}");
        }, model =>
        {
            var options = path[fits.Count];
            var heldOutLoss = heldOutTexts.Count == 0 ? 0 : TemperatureScaling.NegativeLogLikelihood(heldOutTexts.Select(model.Logits).ToList(), heldOutGold, 1);
            Log($"{name} l2={options.L2:g3}: {model.FeatureIndices.Length} features kept, held-out log-loss {heldOutLoss:f4}");
            fits.Add((model, options, heldOutLoss));
            return fits.Count == 1 || heldOutLoss <= fits[^2].Loss;
        });
        var best = fits.MinBy(f => f.Loss);
        var temperature = TemperatureScaling.Fit(heldOutTexts.Select(best.Model.Logits).ToList(), heldOutGold);
        Log($"{name}: chose l2={best.Options.L2:g3}, temperature {temperature:f3}");
        return (TemperatureScaling.WithTemperature(best.Model, temperature), best.Options);
    }

    private void Log(string line)
    {
        lock (log) log.WriteLine(line);
    }

    private static MetricsSummary HeldOutMetrics(LogisticRegression topic, LogisticRegression risk, FeaturizedSet heldOut)
    {
        var metrics = new ClassificationMetrics();
        for (var i = 0; i < heldOut.Texts.Count; i++)
            metrics.Add(Taxonomy.Topics[heldOut.Topics[i]], Taxonomy.Risks[heldOut.Risks[i]],
                topic.Labels[LogisticRegression.ArgMax(topic.Logits(heldOut.Texts[i]))], risk.Labels[LogisticRegression.ArgMax(risk.Logits(heldOut.Texts[i]))]);
        return metrics.Summary();
    }

    private IEnumerable<LabeledText> Valid(IEnumerable<LabeledText> texts)
    {
        foreach (var text in texts)
        {
            if (Taxonomy.Topics.Contains(text.Topic) && Taxonomy.Risks.Contains(text.Risk)) yield return text;
            else log.WriteLine($"{text.Id}: skipped, labels '{text.Topic}'/'{text.Risk}' are not taxonomy ids");
        }
    }

    private sealed record FeaturizedSet(List<SparseVector> Texts, List<int> Topics, List<int> Risks);

    private static List<NormalizedText> Normalize(List<LabeledText> texts) => texts.Select(t => VietnameseNormalizer.Normalize(t.Text)).ToList();

    private static List<SparseVector> Featurize(TextFeaturizer featurizer, List<NormalizedText> texts) => texts.Select(featurizer.Featurize).ToList();

    private static List<int> Topics(List<LabeledText> texts) => texts.Select(t => Taxonomy.Topics.ToList().IndexOf(t.Topic)).ToList();

    private static List<int> Risks(List<LabeledText> texts) => texts.Select(t => Taxonomy.Risks.ToList().IndexOf(t.Risk)).ToList();
}
