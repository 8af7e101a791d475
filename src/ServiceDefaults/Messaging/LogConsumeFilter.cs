using System.Diagnostics;
using Directive58.ServiceDefaults.Metrics;
using MassTransit;
using Microsoft.Extensions.Logging;
using SerilogContext = Serilog.Context.LogContext;

namespace Directive58.ServiceDefaults.Messaging;

/// <summary>
/// One structured line per message handled (type, report id, workplace, elapsed ms), with the
/// report's correlation id pushed into the log context so that every line a consumer writes
/// carries it; and the per-type counters of `/metrics`.
/// </summary>
public sealed class LogConsumeFilter<T>(ILogger<LogConsumeFilter<T>> logger, PrometheusMetrics metrics) : IFilter<ConsumeContext<T>> where T : class
{
    private static readonly Func<T, object?> ReportIdOf = Accessor("ReportId") ?? Accessor("AlertId") ?? (_ => null);
    private static readonly Func<T, object?> WorkplaceOf = Accessor("WorkplaceCode") ?? (_ => null);

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var started = Stopwatch.GetTimestamp();
        // Ingest starts each report's conversation with the report id (ReportCorrelation), and
        // MassTransit carries the conversation id into every message published while handling it.
        using var correlation = SerilogContext.PushProperty("CorrelationId", context.ConversationId ?? context.CorrelationId ?? context.MessageId);
        try
        {
            await next.Send(context);
            metrics.Increment("d58_messages_handled_total", "Messages handled by this process's consumers, by type and outcome.",
                ("type", typeof(T).Name), ("outcome", "ok"));
            // Checked first: the arguments (reflection, boxing) cost more than the skipped line on the hot path.
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("Handled {MessageType} {ReportId} workplace {WorkplaceCode} in {ElapsedMs:F1} ms",
                    typeof(T).Name, ReportIdOf(context.Message), WorkplaceOf(context.Message), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception ex)
        {
            metrics.Increment("d58_messages_handled_total", "Messages handled by this process's consumers, by type and outcome.",
                ("type", typeof(T).Name), ("outcome", "failed"));
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
