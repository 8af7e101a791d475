using Directive58.Contracts;

namespace Directive58.Classifier.Model;

/// <summary>What to train and how: the L2 candidates are tried on the held-out split and the best kept.</summary>
public sealed record TrainerSettings(
    FeaturizerOptions Featurizer, IReadOnlyList<double> L2Candidates, double ClassWeightPower = 1,
    int MaxIterations = 300, double PruneBelow = 0.02, int Seed = 58);

/// <summary>
/// Trains the topic and risk regressions on the training split of a corpus, picks each one's L2
/// strength by held-out log-loss, calibrates a temperature on the held-out split and records the
/// held-out metrics. The held-out texts never reach the optimiser.
/// </summary>
public sealed class ClassifierTrainer(TrainerSettings settings, TextWriter log, TimeProvider clock)
{
    public LinearTextClassifier Train(TrainingCorpus corpus)
    {
        var featurizer = new TextFeaturizer(settings.Featurizer);
        var training = Featurize(featurizer, Valid(corpus.Training));
        var heldOut = Featurize(featurizer, Valid(corpus.HeldOut));
        log.WriteLine($"{training.Texts.Count} training texts, {heldOut.Texts.Count} held-out texts, data sha256 {corpus.Sha256[..12]}");

        var (topic, topicOptions) = TrainHead("topic", Taxonomy.Topics, training.Texts, training.Topics, heldOut.Texts, heldOut.Topics);
        var (risk, riskOptions) = TrainHead("risk", Taxonomy.Risks, training.Texts, training.Risks, heldOut.Texts, heldOut.Risks);

        var metrics = heldOut.Texts.Count == 0 ? null : HeldOutMetrics(topic, risk, heldOut);
        var createdAt = clock.GetUtcNow();
        var version = $"{createdAt:yyyy.MM.dd}-{ModelFile.ContentHash(ModelFile.CompressWeights(topic, risk))}";
        var metadata = new ModelMetadata(ModelMetadata.CurrentFormat, version, createdAt, corpus.Sha256, settings.Seed,
            training.Texts.Count, heldOut.Texts.Count, settings.Featurizer, topicOptions, riskOptions, metrics,
            "Multinomial logistic regression (L-BFGS, L2, class-weighted) over hashed syllable 1-2-grams and character n-grams of diacritic-free text; temperature fitted on the held-out split (FNV-1a(id) % 10 == 0).");
        return new LinearTextClassifier(metadata, topic, risk);
    }

    private (LogisticRegression Model, TrainingOptions Options) TrainHead(string name, IReadOnlyList<string> labels,
        List<SparseVector> texts, List<int> gold, List<SparseVector> heldOutTexts, List<int> heldOutGold)
    {
        // Each candidate is fitted single-threaded from the same inputs, so fitting them side by side
        // changes only the order of the log lines, never the result.
        var fits = new (LogisticRegression Model, TrainingOptions Options, double Loss)[settings.L2Candidates.Count];
        Parallel.For(0, fits.Length, c =>
        {
            var l2 = settings.L2Candidates[c];
            var options = new TrainingOptions(l2, settings.ClassWeightPower, settings.MaxIterations, settings.PruneBelow);
            var model = LogisticRegressionTrainer.Train(texts, gold, labels, settings.Featurizer.Dimension, options,
                (iteration, loss) => Log($"  {name} l2={l2:g3} epoch {iteration}: loss {loss:f5}"));
            var heldOutLoss = heldOutTexts.Count == 0 ? 0 : TemperatureScaling.NegativeLogLikelihood(heldOutTexts.Select(model.Logits).ToList(), heldOutGold, 1);
            Log($"{name} l2={l2:g3}: {model.FeatureIndices.Length} features kept, held-out log-loss {heldOutLoss:f4}");
            fits[c] = (model, options, heldOutLoss);
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

    private static FeaturizedSet Featurize(TextFeaturizer featurizer, IEnumerable<LabeledText> texts)
    {
        var list = texts.ToList();
        return new FeaturizedSet(
            list.Select(t => featurizer.Featurize(VietnameseNormalizer.Normalize(t.Text))).ToList(),
            list.Select(t => Taxonomy.Topics.ToList().IndexOf(t.Topic)).ToList(),
            list.Select(t => Taxonomy.Risks.ToList().IndexOf(t.Risk)).ToList());
    }
}
