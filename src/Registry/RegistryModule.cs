using Directive58.Registry.Committees;
using Directive58.Registry.Communes;
using Directive58.Registry.Contacts;
using Directive58.Registry.Editing;
using Directive58.Registry.Unions;
using Directive58.Registry.Workplaces;
using Directive58.Registry.Zones;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
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
        app.MapRegistryResource<Union>().WithList<Union>();
        app.MapRegistryResource<Committee>().WithList<Committee>();
        app.MapRegistryResource<IndustrialZone>().WithList<IndustrialZone>();
        app.MapRegistryResource<Commune>().WithList<Commune>();
        // Contacts carry people's phone numbers and emails: officers and administrators only.
        app.MapRegistryResource<Contact>(Policies.Act).WithList<Contact>(Policies.Act);
        return app;
    }
}
