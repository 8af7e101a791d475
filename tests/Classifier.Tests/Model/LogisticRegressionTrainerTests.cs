using Directive58.Classifier.Model;
using Directive58.Contracts;

namespace Directive58.Classifier.Tests.Model;

public class LogisticRegressionTrainerTests
{
    private static readonly TextFeaturizer Featurizer = new(new FeaturizerOptions(HashBits: 16));
    private static readonly TrainingOptions Options = new(L2: 1e-3, MaxIterations: 200);

    [Fact]
    public void A_small_separable_data_set_is_learned_perfectly()
    {
        var corpus = SyntheticCorpus.Generate();
        var vectors = corpus.Select(t => Featurizer.Featurize(VietnameseNormalizer.Normalize(t.Text))).ToList();
        var topics = corpus.Select(t => IndexOf(Taxonomy.Topics, t.Topic)).ToList();

        var model = LogisticRegressionTrainer.Train(vectors, topics, Taxonomy.Topics, 1 << 16, Options);

        var predicted = vectors.Select(v => LogisticRegression.ArgMax(model.Logits(v))).ToList();
        Assert.Equal(topics, predicted);
    }

    [Fact]
    public void Training_twice_on_the_same_data_gives_identical_weights()
    {
        var corpus = SyntheticCorpus.Generate(perCombination: 2);
        var vectors = corpus.Select(t => Featurizer.Featurize(VietnameseNormalizer.Normalize(t.Text))).ToList();
        var risks = corpus.Select(t => IndexOf(Taxonomy.Risks, t.Risk)).ToList();

        var first = LogisticRegressionTrainer.Train(vectors, risks, Taxonomy.Risks, 1 << 16, Options);
        var second = LogisticRegressionTrainer.Train(vectors, risks, Taxonomy.Risks, 1 << 16, Options);

        Assert.Equal(first.FeatureIndices, second.FeatureIndices);
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
    }

    [Fact]
    public void Stronger_regularisation_gives_smaller_weights()
    {
        var corpus = SyntheticCorpus.Generate(perCombination: 2);
        var vectors = corpus.Select(t => Featurizer.Featurize(VietnameseNormalizer.Normalize(t.Text))).ToList();
        var topics = corpus.Select(t => IndexOf(Taxonomy.Topics, t.Topic)).ToList();

        var weak = LogisticRegressionTrainer.Train(vectors, topics, Taxonomy.Topics, 1 << 16, Options with { L2 = 1e-4 });
        var strong = LogisticRegressionTrainer.Train(vectors, topics, Taxonomy.Topics, 1 << 16, Options with { L2 = 1e-1 });

        Assert.True(strong.Weights.Sum(w => w * w) < weak.Weights.Sum(w => w * w) / 10);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label) => labels.ToList().IndexOf(label);
}
