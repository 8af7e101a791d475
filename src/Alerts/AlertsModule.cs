using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace Directive58.Alerts;

/// <summary>The alerts module: hot-spot detection, alerts, their API.</summary>
public static class AlertsModule
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSchemaScripts("alerts", typeof(AlertsModule).Assembly);
        return builder;
    }

    public static WebApplication MapAlerts(this WebApplication app) => app;
}
