using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directive58.ServiceDefaults.Messaging;

/// <summary>
/// Stops the process when the bus has stayed unhealthy, or its publishes have kept failing, for
/// `Bus:Watchdog:StopAfter` (default 2 min), so that its supervisor (systemd `Restart=always`, compose `restart: unless-stopped`)
/// starts a fresh one. MassTransit 8.4.0's RabbitMQ receive transport can give up for good when a
/// connection dies while a message is being acknowledged (MassTransit issues #2072, #5692, #6001):
/// the endpoint stays faulted after the broker is back and restarting the bus in-process did not
/// revive it here; a send transport can likewise keep failing (see <see cref="PublishHealth"/>). Later versions need RabbitMQ.Client ≥ 7.2.2, absent (dependencies.md).
/// Nothing is lost meanwhile: unacknowledged messages return to their queue, and the sweeper
/// republishes what was stored but never classified.
/// </summary>
public sealed class BusWatchdog(IBusControl bus, PublishHealth publishing, TimeProvider clock, BusOptions options,
    IHostApplicationLifetime lifetime, ILogger<BusWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
        DateTimeOffset? unhealthySince = null;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var health = bus.CheckHealth();
                var now = clock.GetUtcNow();
                unhealthySince = health.Status == BusHealthStatus.Healthy ? null : unhealthySince ?? now;
                var stuckSince = new[] { unhealthySince, publishing.FailingSince }.Where(t => t is not null).Min();
                if (stuckSince is null || now - stuckSince < options.Watchdog.StopAfter) continue;
                logger.LogCritical("Bus unhealthy or publishes failing since {Since:O} ({Description}); stopping so the supervisor restarts this service",
                    stuckSince, health.Description);
                lifetime.StopApplication();
                return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }
}
