using System.Text;
using System.Text.Json;
using Directive58.Classifier.Model;
using Directive58.Contracts;

namespace Directive58.Classifier.Tests.Model;

public class LinearTextClassifierTests(TrainedModelFixture model) : IClassFixture<TrainedModelFixture>
{
    private static readonly string[] Texts =
    [
        "Công nhân ngừng việc tập thể vì nợ lương", "em hỏi riêng về tăng ca", "cong ty sa thai, nhieu anh em buc xuc",
        "Thông báo giải bóng đá", "", "phòng trọ dột, thông báo",
    ];

    [Fact]
    public void Saving_and_loading_gives_identical_predictions()
    {
        var loaded = LinearTextClassifier.Load(model.ModelPath);

        Assert.Equal(model.Classifier.ModelVersion, loaded.ModelVersion);
        foreach (var text in Texts)
        {
            var (before, after) = (model.Classifier.Classify(text), loaded.Classify(text));
            Assert.Equal(before.Topic, after.Topic);
            Assert.Equal(before.Risk, after.Risk);
            Assert.Equal(before.TopicScores, after.TopicScores);
            Assert.Equal(before.RiskScores, after.RiskScores);
            Assert.Equal(before.Explanation, after.Explanation);
        }
    }

    [Fact]
    public void Scores_cover_every_taxonomy_label_and_sum_to_one()
    {
        var prediction = model.Classifier.Classify("Công nhân ngừng việc tập thể vì nợ lương");

        Assert.Equal(Taxonomy.Topics.Order(), prediction.TopicScores.Keys.Order());
        Assert.Equal(Taxonomy.Risks.Order(), prediction.RiskScores.Keys.Order());
        Assert.Equal(1.0, prediction.TopicScores.Values.Sum(), precision: 9);
        Assert.Equal(1.0, prediction.RiskScores.Values.Sum(), precision: 9);
        Assert.Equal(prediction.TopicScores.MaxBy(p => p.Value).Key, prediction.Topic);
    }

    [Fact]
    public void A_clear_text_gets_its_labels_and_an_explanation_from_its_own_words()
    {
        var prediction = model.Classifier.Classify("Hôm nay công nhân ngừng việc tập thể vì nợ lương");

        Assert.Equal(("wages", "critical"), (prediction.Topic, prediction.Risk));
        var topicEvidence = prediction.Explanation.Where(e => e.Label == "wages").ToList();
        var riskEvidence = prediction.Explanation.Where(e => e.Label == "critical").ToList();
        Assert.InRange(topicEvidence.Count, 1, 5);
        Assert.InRange(riskEvidence.Count, 1, 5);
        Assert.All(prediction.Explanation, e => Assert.True(e.Weight > 0));
        // Readable n-grams of the text itself: folded ("no luong"), as written ("nợ lương"), or a piece of a word ("…uong…").
        Assert.All(prediction.Explanation, e => Assert.True(
            "hom nay cong nhan ngung viec tap the vi no luong".Contains(e.Feature.Trim('…')) ||
            "hôm nay công nhân ngừng việc tập thể vì nợ lương".Contains(e.Feature.Trim('…')), e.Feature));
        Assert.Contains(topicEvidence, e => e.Feature is "no luong" or "luong" or "no" or "nợ lương" or "lương" or "nợ");
    }

    [Fact]
    public void The_model_file_starts_with_a_readable_header_of_metadata()
    {
        var bytes = File.ReadAllBytes(model.ModelPath);
        var headerLength = BitConverter.ToInt32(bytes, 4);
        using var header = JsonDocument.Parse(Encoding.UTF8.GetString(bytes, 8, headerLength));
        var metadata = header.RootElement.GetProperty("metadata");

        Assert.Equal("D58M", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Matches(@"^\d{4}\.\d{2}\.\d{2}-[0-9a-f]{8}$", metadata.GetProperty("version").GetString());
        Assert.Matches("^[0-9a-f]{64}$", metadata.GetProperty("trainingDataSha256").GetString());
        Assert.Equal(ModelMetadata.CurrentFormat, metadata.GetProperty("format").GetInt32());
        Assert.True(metadata.GetProperty("heldOutMetrics").GetProperty("n").GetInt32() > 0);
    }

    [Fact]
    public void Document_frequencies_are_stored_and_weigh_features_identically_after_loading()
    {
        var loaded = LinearTextClassifier.Load(model.ModelPath);
        var featurizer = new TextFeaturizer(model.Classifier.Metadata.Featurizer, model.Classifier.Frequencies);
        var reloaded = new TextFeaturizer(loaded.Metadata.Featurizer, loaded.Frequencies);
        var text = VietnameseNormalizer.Normalize("Công nhân ngừng việc tập thể vì nợ lương");

        Assert.Equal(model.Classifier.Frequencies!.Documents, loaded.Frequencies!.Documents);
        Assert.Equal(model.Classifier.Frequencies.Counts, loaded.Frequencies.Counts);
        Assert.Equal(featurizer.Featurize(text).Values, reloaded.Featurize(text).Values);
        Assert.NotEqual(new TextFeaturizer(loaded.Metadata.Featurizer with { InverseDocumentFrequency = false }).Featurize(text).Values,
            reloaded.Featurize(text).Values);
    }

    [Fact]
    public void Document_frequencies_are_counted_on_the_training_split_only()
    {
        var corpus = TrainingCorpus.Load(model.CorpusFolder, TextWriter.Null);

        Assert.Equal(corpus.Training.Count, model.Classifier.Frequencies!.Documents);
    }

    [Fact]
    public void Scoring_both_heads_in_one_pass_gives_exactly_what_each_head_gives_alone()
    {
        var scorer = new JointScorer(model.Classifier.Topic, model.Classifier.Risk);
        var featurizer = new TextFeaturizer(model.Classifier.Metadata.Featurizer, model.Classifier.Frequencies);

        foreach (var text in Texts)
        {
            var features = featurizer.Featurize(VietnameseNormalizer.Normalize(text));
            var (topic, risk) = scorer.Probabilities(features);
            Assert.Equal(model.Classifier.Topic.Probabilities(features), topic);
            Assert.Equal(model.Classifier.Risk.Probabilities(features), risk);
        }
    }

    [Fact]
    public void Classifying_from_many_threads_gives_the_same_answers()
    {
        var expected = Texts.Select(t => model.Classifier.Classify(t).TopicScores["wages"]).ToArray();

        var results = new double[200];
        Parallel.For(0, results.Length, i => results[i] = model.Classifier.Classify(Texts[i % Texts.Length]).TopicScores["wages"]);

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal(expected[i % Texts.Length], results[i]));
    }
}
