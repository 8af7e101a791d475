using Microsoft.Extensions.Hosting;

namespace Directive58.Surveys.Questionnaires;

/// <summary>Ships the default questionnaire at start; runs after the schema migrator, which is registered first.</summary>
public sealed class QuestionnaireSeeder(QuestionnaireStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.SeedDefaultAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
