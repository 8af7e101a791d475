using System.Security.Cryptography;
using System.Text;
using Dapper;
using Directive58.Classifier.Commands;
using Directive58.Classifier.Model;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directive58.Classifier.Learning;

/// <summary>
/// Trains a challenger on the repository corpus plus officers' corrections, compares it with the
/// champion on the corpus's fixed held-out split (corrections only ever join the training side),
/// records both, and swaps the challenger in only when it is not worse.
/// </summary>
public sealed class Retrainer(Database database, ModelVersions versions, SwappableClassifier current, IOptions<LearningOptions> options,
    TimeProvider clock, ILogger<Retrainer> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public sealed record Outcome(string ChallengerVersion, bool Promoted, MetricsSummary Challenger, MetricsSummary Champion, int Corrections);

    /// <summary>
    /// Starts a run without waiting for it: training takes minutes, longer than a request or a message
    /// should wait. The outcome is recorded in the model versions; a failure is logged.
    /// </summary>
    public void StartInBackground() => _ = Task.Run(async () =>
    {
        try { await RunAsync(); }
        catch (Exception ex) { logger.LogError(ex, "Retraining failed"); }
    });

    public async Task<Outcome> RunAsync(CancellationToken ct = default)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var settings = options.Value;
            var log = new StringWriter();
            var corpus = TrainingCorpus.Load(settings.CorpusFolder, log);
            var corrections = await CorrectionsAsync(ct);
            var combined = new TrainingCorpus(corpus.Training.Concat(corrections).ToList(), corpus.HeldOut, Hash(corpus.Sha256, corrections));
            var trainer = new ClassifierTrainer(
                new TrainerSettings(TrainCommand.DefaultFeaturizer, settings.L2Candidates ?? TrainCommand.DefaultL2Candidates, MaxIterations: settings.MaxIterations),
                log, clock);
            var challenger = await Task.Run(() => trainer.Train(combined), ct);

            var championMetrics = ChallengerEvaluation.Evaluate(current.Current, corpus.HeldOut);
            var challengerMetrics = ChallengerEvaluation.Evaluate(challenger, corpus.HeldOut);
            var promote = ChallengerEvaluation.IsNotWorse(challengerMetrics, championMetrics);
            await versions.RecordAsync(challenger, promote, championMetrics,
                $"{corrections.Count} corrections; champion {current.ModelVersion}", ct);
            if (promote) current.Swap(challenger);
            logger.LogInformation(
                "Retrained {Challenger} on {Corrections} corrections: topic macro-F1 {ChallengerF1:F3} vs {ChampionF1:F3}, alertable F1 {ChallengerA:F3} vs {ChampionA:F3}; {Decision}",
                challenger.ModelVersion, corrections.Count, challengerMetrics.TopicMacroF1, championMetrics.TopicMacroF1,
                challengerMetrics.AlertableF1, championMetrics.AlertableF1, promote ? "promoted" : "rejected");
            return new Outcome(challenger.ModelVersion, promote, challengerMetrics, championMetrics, corrections.Count);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private sealed record Correction
    {
        public Guid ReportId { get; init; }
        public string Text { get; init; } = "";
        public string Topic { get; init; } = "";
        public string Risk { get; init; } = "";
    }

    private async Task<List<LabeledText>> CorrectionsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<Correction>("select report_id as ReportId, text, topic, risk from training_labels order by report_id");
        return rows.Select(r => new LabeledText($"report-{r.ReportId}", r.Text, r.Topic, r.Risk)).ToList();
    }

    private static string Hash(string corpusSha, IReadOnlyList<LabeledText> corrections)
    {
        var text = new StringBuilder(corpusSha);
        foreach (var c in corrections) text.Append('\n').Append(c.Id).Append('\t').Append(c.Topic).Append('\t').Append(c.Risk).Append('\t').Append(c.Text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
