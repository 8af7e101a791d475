using Directive58.Ingest.SubmitReport;
using Directive58.Ingest.Sweeper;
using Directive58.Ingest.TrackClassification;
using Directive58.ServiceDefaults.Messaging;
using Directive58.ServiceDefaults.Metrics;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive58.Ingest;

/// <summary>The ingest module: validates, masks and stores submissions, then publishes them; the sweeper republishes what was never classified.</summary>
public static class IngestModule
{
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSchemaScripts("ingest", typeof(IngestModule).Assembly);
        builder.Services.AddScoped<ReportSubmission>();
        builder.Services.AddBusConsumers(bus => bus.AddConsumer<MarkReportClassifiedConsumer>());
        builder.Services.Configure<SweeperOptions>(builder.Configuration.GetSection("Ingest:Sweeper"));
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ReportSweeper>(sp, sp.GetRequiredService<IBus>()));
        if (builder.Configuration.GetValue("Ingest:Sweeper:Enabled", true)) builder.Services.AddHostedService<SweeperService>();
        builder.Services.AddSingleton<IMetricsSource, UnclassifiedBacklog>();
        return builder;
    }

    public static WebApplication MapIngest(this WebApplication app)
    {
        app.MapSubmitReport();
        return app;
    }
}
