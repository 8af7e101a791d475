using Directive58.Alerts.Alerting;
using Directive58.Alerts.Detection;
using Directive58.Alerts.HotSpots;
using Directive58.ServiceDefaults.Messaging;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive58.Alerts;

/// <summary>The alerts module: hot-spot detection, alerts to the responsible units, their API.</summary>
public static class AlertsModule
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSchemaScripts("alerts", typeof(AlertsModule).Assembly);
        builder.Services.Configure<AlertsOptions>(builder.Configuration.GetSection("Alerts"));
        builder.Services.AddBusConsumers(bus =>
        {
            bus.AddConsumer<DetectHotSpotConsumer>();
            bus.AddConsumer<AcknowledgeAlertConsumer>();
        });
        return builder;
    }

    public static WebApplication MapAlerts(this WebApplication app)
    {
        app.MapAlertEndpoints();
        app.MapHotSpotEndpoints();
        return app;
    }
}
