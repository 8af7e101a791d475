using System.Text.Json;
using Directive58.Classifier.ClassifyReport;
using Directive58.Classifier.Learning;
using Directive58.Classifier.Model;
using Directive58.Contracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Directive58.Classifier.Tests.Learning;

public sealed class RetrainerTests : IDisposable
{
    private readonly string _corpus = Path.Combine(Path.GetTempPath(), "d58-retrain-corpus", Guid.NewGuid().ToString("N"));

    public RetrainerTests()
    {
        Directory.CreateDirectory(_corpus);
        // Two clearly separable kinds of report; the fixed hash split puts about one in ten aside.
        var lines = Enumerable.Range(0, 200).Select(i => JsonSerializer.Serialize(i % 2 == 0
            ? new { id = $"t-{i}", text = $"cong ty no luong thang {i % 12 + 1} nhieu cong nhan buc xuc", topic = "wages", risk = "elevated" }
            : new { id = $"t-{i}", text = $"bep an ca hom nay com nguoi canh nhat lan {i}", topic = "safety_health", risk = "low" }));
        File.WriteAllLines(Path.Combine(_corpus, "tiny.jsonl"), lines);
    }

    /// <summary>Adds one text written identically under three different labels: no model can get it all right.</summary>
    private void AddAmbiguousTexts()
    {
        string[] topics = ["none", "wages", "union_relations"];
        File.WriteAllLines(Path.Combine(_corpus, "ambiguous.jsonl"), Enumerable.Range(0, 300).Select(i =>
            JsonSerializer.Serialize(new { id = $"a-{i}", text = "ngay mai hop to luc 8h", topic = topics[i % 3], risk = "none" })));
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);

    private Retrainer Create(LearningStore store, SwappableClassifier current, int iterations) => new(
        store.Database, new ModelVersions(store.Database, TimeProvider.System), current,
        Options.Create(new LearningOptions { CorpusFolder = _corpus, MaxIterations = iterations, L2Candidates = [1e-4] }),
        TimeProvider.System, NullLogger<Retrainer>.Instance);

    [Fact]
    public async Task A_challenger_better_than_the_champion_is_promoted_recorded_and_put_in_use()
    {
        await using var store = await LearningStore.CreateAsync();
        var current = new SwappableClassifier(new KeywordClassifier());

        var outcome = await Create(store, current, iterations: 100).RunAsync();

        Assert.True(outcome.Promoted);
        Assert.Equal(1.0, outcome.Challenger.TopicMacroF1, 6);
        Assert.Equal(outcome.ChallengerVersion, current.ModelVersion);
        var champion = Assert.Single(await new ModelVersions(store.Database, TimeProvider.System).ListAsync(), v => v.Status == "champion");
        Assert.Equal(outcome.ChallengerVersion, champion.Version);
    }

    [Fact]
    public async Task A_challenger_worse_than_the_champion_is_recorded_as_rejected_and_not_used()
    {
        await using var store = await LearningStore.CreateAsync();
        AddAmbiguousTexts();
        var oracle = new Oracle(TrainingCorpus.Load(_corpus, TextWriter.Null).HeldOut);
        var current = new SwappableClassifier(oracle);

        var outcome = await Create(store, current, iterations: 100).RunAsync();

        Assert.False(outcome.Promoted);
        Assert.Same(oracle, current.Current);
        var rejected = Assert.Single(await new ModelVersions(store.Database, TimeProvider.System).ListAsync());
        Assert.Equal("rejected", rejected.Status);
    }

    [Theory]
    [InlineData(0.80, 0.90, 0.80, 0.90, true)]
    [InlineData(0.81, 0.90, 0.80, 0.90, true)]
    [InlineData(0.85, 0.89, 0.80, 0.90, false)]
    [InlineData(0.79, 0.95, 0.80, 0.90, false)]
    public void A_challenger_must_hold_both_topic_macro_f1_and_alertable_f1(double topic, double alertable, double championTopic, double championAlertable, bool promote) =>
        Assert.Equal(promote, ChallengerEvaluation.IsNotWorse(Summary(topic, alertable), Summary(championTopic, championAlertable)));

    private static MetricsSummary Summary(double topicMacroF1, double alertableF1) => new(100, 0, topicMacroF1, 0, 0, 0, alertableF1, 0);

    /// <summary>A champion that answers the held-out texts in order with their gold labels: nothing can beat it.</summary>
    private sealed class Oracle(IReadOnlyList<LabeledText> answers) : IReportClassifier
    {
        private int _next;

        public string ModelVersion => "oracle";

        public Prediction Classify(string text)
        {
            var gold = answers[_next++ % answers.Count];
            return new Prediction(gold?.Topic ?? "none", gold?.Risk ?? "none",
                Taxonomy.Topics.ToDictionary(t => t, _ => 0.0), Taxonomy.Risks.ToDictionary(r => r, _ => 0.0), []);
        }
    }
}
