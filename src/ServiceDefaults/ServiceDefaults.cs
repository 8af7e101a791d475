using Directive58.ServiceDefaults.Configuration;
using Directive58.ServiceDefaults.Health;
using Directive58.ServiceDefaults.Logging;
using Directive58.ServiceDefaults.Metrics;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Directive58.ServiceDefaults;

/// <summary>
/// What every host shares: secrets from files, logging, time, storage and its schema,
/// authentication and per-key rate limits, request size limits, health, metrics, problem details.
/// </summary>
public static class ServiceDefaultsSetup
{
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddSecretFiles();
        LoggingSetup.AddSerilogLogging(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PrometheusMetrics>();
        AddRequestLimits(services, builder.Configuration);
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
            .AddPolicy(Policies.ReadCases, p => p.RequireAssertion(c => c.User.HasClaim(Policies.ScopeClaim, Policies.Read) || Roles.Officers.Any(c.User.IsInRole)))
            .AddPolicy(Policies.Act, p => p.RequireAssertion(c => c.User.HasClaim(Policies.ScopeClaim, Policies.Act) || Roles.Officers.Any(c.User.IsInRole)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Administrator));

        services.AddPerKeyRateLimits(builder.Configuration);

        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>
    /// `Limits:MaxRequestBodyBytes` (default 10 MiB, room for a survey upload) caps every body; the
    /// report endpoint keeps its own 64 KiB. Headers are capped at 32 KiB.
    /// </summary>
    private static void AddRequestLimits(IServiceCollection services, IConfiguration configuration)
    {
        var maxBody = configuration.GetValue<long>("Limits:MaxRequestBodyBytes", 10 * 1024 * 1024);
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = maxBody;
            o.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            o.AddServerHeader = false;
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = maxBody);
    }

    /// <summary>Error handling, authentication and the health endpoints; call before mapping module endpoints.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        // Behind a TLS-terminating proxy set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true; `Https:Hsts`
        // turns on HSTS and the redirect to HTTPS (docs/operations.md).
        if (app.Configuration.GetValue("Https:Hsts", false))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.Write });
        // MassTransit reports a broker it cannot reach as Degraded (endpoints faulted): not ready either.
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.Write,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapMetrics();
        app.MapApiKeyAdmin();
        return app;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
