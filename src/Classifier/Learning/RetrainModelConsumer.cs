using Directive58.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Directive58.Classifier.Learning;

/// <summary>
/// The model page's retrain button: starts a run and returns (see <see cref="Retrainer.StartInBackground"/>).
/// </summary>
public sealed class RetrainModelConsumer(Retrainer retrainer, ILogger<RetrainModelConsumer> logger) : IConsumer<RetrainModel>
{
    public Task Consume(ConsumeContext<RetrainModel> context)
    {
        logger.LogInformation("Retraining requested by {By}", context.Message.RequestedBy);
        retrainer.StartInBackground();
        return Task.CompletedTask;
    }
}
