using Directive58.Contracts;
using MassTransit;

namespace Directive58.ServiceDefaults.Messaging;

/// <summary>
/// A report's id is the correlation id of every message about it, so one search in the logs
/// (`CorrelationId = &lt;report id&gt;`) follows it through Ingest, Classifier and Alerts.
/// </summary>
public static class ReportCorrelation
{
    private static int _configured;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        MessageCorrelation.UseCorrelationId<ReportSubmitted>(m => m.ReportId);
        MessageCorrelation.UseCorrelationId<ReportClassified>(m => m.ReportId);
    }

    /// <summary>Starts the report's conversation: the consumers' log lines and what they publish carry this id.</summary>
    public static void Begin(PublishContext context, Guid reportId)
    {
        context.CorrelationId = reportId;
        context.ConversationId = reportId;
    }
}
