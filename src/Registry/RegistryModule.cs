using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Directive58.Registry.Workplaces;
using Microsoft.Extensions.Hosting;

namespace Directive58.Registry;

/// <summary>The registry: provinces, communes, industrial zones, workplaces, unions, committees, contacts.</summary>
public static class RegistryModule
{
    public static IHostApplicationBuilder AddRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSchemaScripts("registry", typeof(RegistryModule).Assembly);
        return builder;
    }

    public static WebApplication MapRegistry(this WebApplication app)
    {
        app.MapWorkplaces();
        return app;
    }
}
