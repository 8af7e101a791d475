using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Directive58.ServiceDefaults.Messaging;

/// <summary>One structured line per message handled: type, report id, workplace, elapsed ms.</summary>
public sealed class LogConsumeFilter<T>(ILogger<LogConsumeFilter<T>> logger) : IFilter<ConsumeContext<T>> where T : class
{
    private static readonly Func<T, object?> ReportIdOf = Accessor("ReportId") ?? Accessor("AlertId") ?? (_ => null);
    private static readonly Func<T, object?> WorkplaceOf = Accessor("WorkplaceCode") ?? (_ => null);

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next.Send(context);
            logger.LogInformation("Handled {MessageType} {ReportId} workplace {WorkplaceCode} in {ElapsedMs:F1} ms (correlation {CorrelationId})",
                typeof(T).Name, ReportIdOf(context.Message), WorkplaceOf(context.Message),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.CorrelationId ?? context.MessageId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Failed {MessageType} {ReportId} workplace {WorkplaceCode} after {ElapsedMs:F1} ms (attempt {Attempt})",
                typeof(T).Name, ReportIdOf(context.Message), WorkplaceOf(context.Message),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.GetRetryAttempt() + 1);
            throw;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("log-consume");

    private static Func<T, object?>? Accessor(string name)
    {
        var property = typeof(T).GetProperty(name);
        return property is null ? null : message => property.GetValue(message);
    }
}
