using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Directive58.ServiceDefaults.Messaging;

/// <summary>
/// Whether this process's publishes reach the broker. MassTransit's own health check watches
/// receive endpoints only; after a broker outage a send transport of MassTransit 8.4.0 can stay
/// broken while every endpoint looks healthy, so publishes are watched here: failing without a
/// single success for 10 s makes readiness fail, and <see cref="BusWatchdog"/> acts on it.
/// </summary>
public sealed class PublishHealth(TimeProvider clock) : IHealthCheck
{
    private long _failingSinceTicks;

    public DateTimeOffset? FailingSince => Interlocked.Read(ref _failingSinceTicks) is var t and > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public void Succeeded() => Interlocked.Exchange(ref _failingSinceTicks, 0);

    public void Failed() => Interlocked.CompareExchange(ref _failingSinceTicks, clock.GetUtcNow().UtcTicks, 0);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(FailingSince is { } since && clock.GetUtcNow() - since > TimeSpan.FromSeconds(10)
            ? HealthCheckResult.Unhealthy($"publishing has failed since {since:O}")
            : HealthCheckResult.Healthy("publishing"));
}

/// <summary>Feeds <see cref="PublishHealth"/> from every publish of the bus, transport faults included.</summary>
public sealed class PublishHealthObserver(PublishHealth health) : IPublishObserver
{
    public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context) where T : class
    {
        health.Succeeded();
        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class
    {
        health.Failed();
        return Task.CompletedTask;
    }
}
