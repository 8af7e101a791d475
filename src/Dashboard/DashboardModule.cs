using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Demo;
using Directive58.Dashboard.Live;
using Directive58.Dashboard.Reports;
using Directive58.ServiceDefaults.Messaging;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Dashboard;

/// <summary>The dashboard module: the read side (pages, read API, live events), accounts and the demo.</summary>
public static class DashboardModule
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchemaScripts("dashboard", typeof(DashboardModule).Assembly);
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<AuditLog>();
        services.AddHostedService<AdminBootstrap>();
        services.AddSingleton<LiveNotifier>();
        services.AddBusConsumers(bus => bus.AddConsumer<LiveEventsConsumer>().Endpoint(e => e.Temporary = true));
        services.AddHostedService<DemoSeeder>();
        // Vietnamese text goes to the browser as UTF-8, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Login");
        });
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapReportEndpoints();
        app.MapLive();
        return app;
    }
}
