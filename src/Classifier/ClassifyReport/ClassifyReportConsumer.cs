using System.Text.Json;
using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Classifier.ClassifyReport;

/// <summary>
/// Classifies a submitted report once: the classification is stored keyed by report id, and a
/// redelivered message finds it and only publishes again (the earlier publish may have been lost).
/// The same transaction adds the report to report_daily_counts, only when this delivery stored the
/// classification, so a redelivery or a competing consumer never counts it twice.
/// </summary>
public sealed class ClassifyReportConsumer(IReportClassifier classifier, Database database, TimeProvider clock) : IConsumer<ReportSubmitted>
{
    public async Task Consume(ConsumeContext<ReportSubmitted> context)
    {
        var report = context.Message;
        // Classifying before the write keeps the store's (single, on SQLite) writer busy only with
        // SQL; a redelivery classifies again in vain, which is rare and cheap.
        var prediction = classifier.Classify(report.Text);
        var candidate = new StoredClassification
        {
            Topic = prediction.Topic, Risk = prediction.Risk,
            TopicScores = JsonSerializer.Serialize(prediction.TopicScores), RiskScores = JsonSerializer.Serialize(prediction.RiskScores),
            ModelVersion = classifier.ModelVersion, ClassifiedAt = clock.GetUtcNow(),
        };
        var explanation = JsonSerializer.Serialize(prediction.Explanation);
        var stored = await database.WriteAsync(async (connection, tx, _) =>
        {
            var inserted = await connection.ExecuteAsync(
                """
                insert into classifications (report_id, workplace_code, topic, risk, topic_scores, risk_scores, explanation, model_version, classified_at)
                values (@ReportId, @WorkplaceCode, @Topic, @Risk, @TopicScores, @RiskScores, @Explanation, @ModelVersion, @ClassifiedAt)
                on conflict (report_id) do nothing
                """,
                new
                {
                    report.ReportId, report.WorkplaceCode, candidate.Topic, candidate.Risk, candidate.TopicScores, candidate.RiskScores,
                    Explanation = explanation, candidate.ModelVersion, candidate.ClassifiedAt,
                }, tx);
            if (inserted == 1)
            {
                await CountAsync(connection, tx, report.ReportId, candidate.Topic, candidate.Risk);
                return candidate;
            }
            // Stored before (a redelivery, or a competing consumer won): that result is the one.
            return await FindAsync(connection, tx, report.ReportId);
        }, context.CancellationToken);
        await context.Publish(new ReportClassified(
            report.ReportId, report.WorkplaceCode, stored!.Topic, stored.Risk,
            ReferenceEquals(stored, candidate) ? prediction.TopicScores : JsonSerializer.Deserialize<Dictionary<string, double>>(stored.TopicScores)!,
            ReferenceEquals(stored, candidate) ? prediction.RiskScores : JsonSerializer.Deserialize<Dictionary<string, double>>(stored.RiskScores)!,
            stored.ModelVersion, report.ReporterRef, report.OccurredAt, stored.ClassifiedAt));
    }

    /// <summary>
    /// One more report for its day, workplace and labels, read from Ingest's stored row: a survey comment
    /// (classified under a synthetic id, with no row in reports) is not a report and is not counted,
    /// exactly as the recount in Schema/*/004 does.
    /// </summary>
    private Task CountAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, Guid reportId, string topic, string risk) =>
        connection.ExecuteAsync(
            $"""
            insert into report_daily_counts (day, workplace_code, topic, risk, reports)
            select {VietnamDay.Sql(database, "occurred_at")}, workplace_code, @topic, @risk, 1 from reports where id = @reportId
            on conflict (day, workplace_code, topic, risk) do update set reports = report_daily_counts.reports + 1
            """, new { reportId, topic, risk }, tx);

    private sealed record StoredClassification
    {
        public string Topic { get; init; } = null!;
        public string Risk { get; init; } = null!;
        public string TopicScores { get; init; } = null!;
        public string RiskScores { get; init; } = null!;
        public string ModelVersion { get; init; } = null!;
        public DateTimeOffset ClassifiedAt { get; init; }
    }

    private static Task<StoredClassification?> FindAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, Guid reportId) =>
        connection.QuerySingleOrDefaultAsync<StoredClassification>(
            "select topic, risk, topic_scores as TopicScores, risk_scores as RiskScores, model_version as ModelVersion, classified_at as ClassifiedAt from classifications where report_id = @reportId",
            new { reportId }, tx);
}
