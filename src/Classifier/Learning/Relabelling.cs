using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Classifier.Learning;

/// <summary>
/// Stores an officer's correction of a report's labels as training data (the latest one wins).
/// The text is the masked text Ingest stored, so no personal data enters the training set.
/// The stored classification (and so report_daily_counts) stays the model's: a correction teaches the
/// next model. If a correction ever replaces the label, it must move the count in the same transaction.
/// </summary>
public static class Relabelling
{
    public enum Result { Stored, UnknownReport, InvalidLabels }

    public static async Task<Result> StoreAsync(Database database, RelabelReport command, CancellationToken ct)
    {
        if (!Taxonomy.Topics.Contains(command.Topic) || !Taxonomy.Risks.Contains(command.Risk)) return Result.InvalidLabels;
        await using var connection = await database.OpenAsync(ct);
        var text = await connection.ExecuteScalarAsync<string?>("select text from reports where id = @ReportId", new { command.ReportId });
        if (text is null) return Result.UnknownReport;
        await connection.ExecuteAsync(
            """
            insert into training_labels (report_id, text, topic, risk, labelled_by, labelled_at)
            values (@ReportId, @text, @Topic, @Risk, @By, @At)
            on conflict (report_id) do update set topic = excluded.topic, risk = excluded.risk,
                labelled_by = excluded.labelled_by, labelled_at = excluded.labelled_at
            """, new { command.ReportId, text, command.Topic, command.Risk, command.By, command.At });
        return Result.Stored;
    }
}

/// <summary>Handles the dashboard's relabel command.</summary>
public sealed class RelabelReportConsumer(Database database) : IConsumer<RelabelReport>
{
    public Task Consume(ConsumeContext<RelabelReport> context) => Relabelling.StoreAsync(database, context.Message, context.CancellationToken);
}
