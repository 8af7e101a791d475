using Directive58.Ingest.SubmitReport;
using Directive58.Ingest.TrackClassification;
using Directive58.ServiceDefaults.Messaging;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive58.Ingest;

/// <summary>The ingest module: validates, masks and stores submissions, then publishes them.</summary>
public static class IngestModule
{
    public static IHostApplicationBuilder AddIngest(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSchemaScripts("ingest", typeof(IngestModule).Assembly);
        builder.Services.AddScoped<ReportSubmission>();
        builder.Services.AddBusConsumers(bus => bus.AddConsumer<MarkReportClassifiedConsumer>());
        return builder;
    }

    public static WebApplication MapIngest(this WebApplication app)
    {
        app.MapSubmitReport();
        return app;
    }
}
