using Directive58.Classifier.ClassifyReport;
using Directive58.Classifier.Learning;
using Directive58.Classifier.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Directive58.ServiceDefaults.Messaging;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Directive58.Classifier;

/// <summary>The classifier module: the model, the consumer that classifies each submitted report, its table.</summary>
public static class ClassifierModule
{
    public static WebApplication MapClassifier(this WebApplication app)
    {
        app.MapLearning();
        return app;
    }

    public static IHostApplicationBuilder AddClassifier(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSchemaScripts("classifier", typeof(ClassifierModule).Assembly);
        // The trained model shipped next to the executable; the keyword rules only when no model file is present.
        builder.Services.AddSingleton(_ => new SwappableClassifier(File.Exists(LinearTextClassifier.DefaultModelPath)
            ? LinearTextClassifier.Load(LinearTextClassifier.DefaultModelPath)
            : new KeywordClassifier()));
        builder.Services.AddSingleton<IReportClassifier>(sp => sp.GetRequiredService<SwappableClassifier>());
        builder.Services.Configure<LearningOptions>(builder.Configuration.GetSection("Classifier:Learning"));
        builder.Services.AddSingleton<ModelVersions>();
        builder.Services.AddSingleton<Retrainer>();
        builder.Services.AddHostedService<LearningSchedule>();
        builder.Services.AddBusConsumers(bus =>
        {
            bus.AddConsumer<ClassifyReportConsumer>();
            bus.AddConsumer<RelabelReportConsumer>();
            bus.AddConsumer<RetrainModelConsumer>();
        });
        builder.Services.AddHealthChecks().AddCheck<ModelHealthCheck>("model", tags: [ServiceDefaults.ServiceDefaultsSetup.ReadyTag]);
        return builder;
    }

    private sealed class ModelHealthCheck(IReportClassifier classifier) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(HealthCheckResult.Healthy("model loaded",
                new Dictionary<string, object> { ["modelVersion"] = classifier.ModelVersion }));
    }
}
