using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directive58.Surveys.Import;

/// <summary>Every minute, publishes survey comments that were stored but never sent (a broker outage, a crash mid-import).</summary>
public sealed class CommentSweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CommentSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<CommentPublisher>().PublishStragglersAsync(stoppingToken);
                if (sent > 0) logger.LogInformation("Republished {Count} survey comments", sent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Survey comment sweep failed; next minute again");
            }
        }
    }
}
