using Directive58.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Directive58.Classifier.Learning;

/// <summary>
/// The model page's retrain button. Training takes minutes, longer than a message should hold its
/// lock, so the consumer starts it and returns; the outcome appears in the model versions.
/// </summary>
public sealed class RetrainModelConsumer(Retrainer retrainer, ILogger<RetrainModelConsumer> logger) : IConsumer<RetrainModel>
{
    public Task Consume(ConsumeContext<RetrainModel> context)
    {
        logger.LogInformation("Retraining requested by {By}", context.Message.RequestedBy);
        _ = Task.Run(async () =>
        {
            try { await retrainer.RunAsync(); }
            catch (Exception ex) { logger.LogError(ex, "Retraining failed"); }
        });
        return Task.CompletedTask;
    }
}
