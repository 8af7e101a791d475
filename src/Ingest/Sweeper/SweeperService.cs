using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directive58.Ingest.Sweeper;

/// <summary>Runs the sweep every `Ingest:Sweeper:Interval` on the injected clock; a failed sweep (store or broker down) waits for the next tick.</summary>
public sealed class SweeperService(ReportSweeper sweeper, TimeProvider clock, IOptions<SweeperOptions> options, ILogger<SweeperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try { await sweeper.SweepAsync(stoppingToken); }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Sweep failed; trying again in {Interval}", options.Value.Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
