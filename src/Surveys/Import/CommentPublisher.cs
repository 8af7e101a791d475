using Dapper;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Directive58.Surveys.Import;

/// <summary>
/// Sends stored free-text answers to the classifier as <see cref="ReportSubmitted"/> on channel
/// "survey", under their synthetic report id. The reporter is the wave ("survey:2026-H1"), never a
/// person. Comments are stored first; one whose publish failed is sent again by the sweeper.
/// </summary>
public sealed class CommentPublisher(Database database, IPublishEndpoint bus, TimeProvider clock, ILogger<CommentPublisher> logger)
{
    public const string Channel = "survey";
    private const int Chunk = 1000;

    public sealed record PendingComment
    {
        public Guid Id { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string Wave { get; init; } = null!;
        public string Text { get; init; } = null!;
        public DateTimeOffset ImportedAt { get; init; }
    }

    public static string ReporterRef(string wave) => "survey:" + wave;

    /// <summary>Publishes the comments of one import.</summary>
    public Task<int> PublishImportAsync(Guid importId, CancellationToken ct) =>
        PublishWhereAsync("import_id = @importId", new Dictionary<string, object> { ["importId"] = importId }, ct);

    /// <summary>Publishes comments stored more than a minute ago and still unsent (the sweeper's pass).</summary>
    public Task<int> PublishStragglersAsync(CancellationToken ct) =>
        PublishWhereAsync("imported_at < @before", new Dictionary<string, object> { ["before"] = clock.GetUtcNow().AddMinutes(-1) }, ct);

    /// <summary>
    /// Pages through the unsent comments in id order (keyset, so each page is an index range) and
    /// marks each page sent with one range update under the same condition.
    /// </summary>
    private async Task<int> PublishWhereAsync(string condition, Dictionary<string, object> parameters, CancellationToken ct)
    {
        var sent = 0;
        var after = Guid.Empty;
        await using var connection = await database.OpenAsync(ct);
        while (true)
        {
            var page = new DynamicParameters(parameters);
            page.Add("after", after);
            var pending = (await connection.QueryAsync<PendingComment>(
                $"select id, workplace_code as WorkplaceCode, wave, text, imported_at as ImportedAt from survey_comments where {condition} and published_at is null and id > @after order by id limit {Chunk}",
                page)).ToList();
            if (pending.Count == 0) return sent;
            try
            {
                await bus.PublishBatch(pending.Select(c => new ReportSubmitted(c.Id, c.WorkplaceCode, c.Text, Channel, ReporterRef(c.Wave), c.ImportedAt, c.ImportedAt)), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Survey comments stored but not yet published; the sweeper will retry");
                return sent;
            }
            var mark = new DynamicParameters(parameters);
            mark.AddDynamicParams(new { after, last = pending[^1].Id, now = clock.GetUtcNow() });
            await connection.ExecuteAsync(
                $"update survey_comments set published_at = @now where {condition} and published_at is null and id > @after and id <= @last", mark);
            sent += pending.Count;
            after = pending[^1].Id;
        }
    }
}
