using Directive58.ServiceDefaults.Health;
using Directive58.ServiceDefaults.Logging;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Directive58.ServiceDefaults;

/// <summary>What every host shares: logging, time, storage and its schema, authentication, health, problem details.</summary>
public static class ServiceDefaultsSetup
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        LoggingSetup.AddSerilogLogging(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
        services.AddSingleton<Database>();
        services.AddSchemaScripts("platform", typeof(ServiceDefaultsSetup).Assembly);
        // Registered first so the schema exists before any other hosted service (bus, scheduler) starts.
        services.AddHostedService<SchemaMigrator>();
        services.AddSingleton<ApiKeys>();
        services.AddHostedService<ApiKeyBootstrap>();
        services.AddMemoryCache();
        services.AddProblemDetails();

        services.AddAuthentication(o => o.DefaultScheme = "d58")
            .AddPolicyScheme("d58", "API key or sign-in", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/login";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Cookie.Name = "d58.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? Problems.Write(context.HttpContext, 401, "Cần khóa API hợp lệ / A valid API key is required", $"Gửi khóa trong tiêu đề {ApiKeyAuthenticationHandler.Header}. Send the key in the {ApiKeyAuthenticationHandler.Header} header.")
                    : Redirect(context);
                o.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? Problems.Write(context.HttpContext, 403, "Không đủ quyền / Not allowed", "Tài khoản này không có quyền. This account lacks the right.")
                    : Redirect(context);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Ingest, p => p.RequireAssertion(c => c.User.HasClaim(Policies.ScopeClaim, Policies.Ingest) || Roles.All.Any(c.User.IsInRole)))
            .AddPolicy(Policies.Read, p => p.RequireAssertion(c => c.User.HasClaim(Policies.ScopeClaim, Policies.Read) || Roles.All.Any(c.User.IsInRole)))
            .AddPolicy(Policies.Act, p => p.RequireAssertion(c => c.User.HasClaim(Policies.ScopeClaim, Policies.Act) || Roles.Officers.Any(c.User.IsInRole)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Administrator));

        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Error handling, authentication and the health endpoints; call before mapping module endpoints.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.Write });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.Write });
        return app;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
