using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Demo;
using Directive58.Dashboard.Live;
using Directive58.Dashboard.Localisation;
using Directive58.Dashboard.Reports;
using Directive58.Dashboard.Search;
using Directive58.Dashboard.Submit;
using Directive58.ServiceDefaults.Messaging;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Directive58.Dashboard;

/// <summary>The dashboard module: the read side (pages, read API, live events), accounts, search and the demo.</summary>
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
        services.AddSingleton<ReportSearch>();
        services.AddHostedService<SearchBackfill>();
        services.AddBusConsumers(bus =>
        {
            bus.AddConsumer<LiveEventsConsumer>().Endpoint(e => e.Temporary = true);
            bus.AddConsumer<IndexReportConsumer>();
        });
        services.AddHostedService<DemoSeeder>();
        services.AddHttpContextAccessor();
        services.AddScoped<Lang>();
        services.AddScoped<Directive58.Dashboard.Cases.CaseActions>();
        services.AddSingleton<IngestClient.OwnKey>();
        services.AddHttpClient<IngestClient>();
        services.AddAuthorizationBuilder().AddDashboardPolicies();
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.AccessDeniedPath = "/Denied";
            o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
        });
        // Vietnamese text goes to the browser as UTF-8, not as numeric character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
        {
            // Policies add up: every page needs a signed-in user, each area its own role (see DashboardPolicies).
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AuthorizePage("/Index", DashboardPolicies.Member);
            o.Conventions.AuthorizeFolder("/Submit", DashboardPolicies.Member);
            foreach (var area in new[] { "/Alerts", "/HotSpots", "/Reports", "/Network", "/Periodic", "/Surveys" })
                o.Conventions.AuthorizeFolder(area, DashboardPolicies.Officer);
            o.Conventions.AuthorizeFolder("/Model", DashboardPolicies.Analyst);
            o.Conventions.AuthorizeFolder("/Admin", ServiceDefaults.Security.Policies.Admin);
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
        app.MapLang();
        return app;
    }
}
