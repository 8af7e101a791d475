using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Dashboard.Search;

/// <summary>Adds each classified report's folded text to the dashboard's search index (competing consumers: one replica indexes it).</summary>
public sealed class IndexReportConsumer(Database database, ReportSearch search) : IConsumer<ReportClassified>
{
    public async Task Consume(ConsumeContext<ReportClassified> context)
    {
        await database.WriteAsync(async (connection, tx, _) =>
        {
            await search.IndexAsync(connection, tx, context.Message.ReportId);
            return true;
        }, context.CancellationToken);
    }
}

/// <summary>
/// At start, indexes reports stored while no dashboard was running (or before the index existed),
/// in batches, so the search covers every report and not only those classified since.
/// </summary>
public sealed class SearchBackfill(Database database, ReportSearch search, ILogger<SearchBackfill> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var total = 0;
        try
        {
            int found;
            while (!stoppingToken.IsCancellationRequested &&
                   (found = await database.WriteAsync((connection, tx, _) => search.IndexMissingAsync(connection, tx, 500), stoppingToken)) > 0)
                total += found;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Scaled out, Ingest may not have created its tables yet; new reports are indexed by the consumer anyway.
            logger.LogWarning(ex, "Search backfill stopped after {Count} reports", total);
        }
        if (total > 0) logger.LogInformation("Indexed {Count} reports for search", total);
    }
}
