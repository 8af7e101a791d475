using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive58.ServiceDefaults.Messaging;

/// <summary>
/// The bus switch, written once: modules add their consumers with <see cref="AddBusConsumers"/>,
/// then the host calls <see cref="AddBus"/> last and gets MassTransit on the configured transport.
/// </summary>
public static class BusSetup
{
    private sealed class ConsumerRegistrations : List<Action<IBusRegistrationConfigurator>>;

    public static IServiceCollection AddBusConsumers(this IServiceCollection services, Action<IBusRegistrationConfigurator> register)
    {
        RegistrationsOf(services).Add(register);
        return services;
    }

    public static IHostApplicationBuilder AddBus(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();
        var registrations = RegistrationsOf(builder.Services);
        ReportCorrelation.Configure();
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(options.EndpointPrefix, false));
            // MassTransit 8.4 reports usage to masstransit.io by default: nothing leaves these servers.
            bus.DisableUsageTelemetry();
            foreach (var register in registrations) register(bus);
            bus.AddPublishObserver<PublishHealthObserver>();
            bus.AddConfigureEndpointsCallback((_, endpoint) =>
            {
                // Retry transient faults with backoff; after the last try the message goes to the _error queue.
                var retry = options.Retry;
                endpoint.UseMessageRetry(r => r.Exponential(retry.Limit, retry.MinInterval, retry.MaxInterval, retry.Delta));
                endpoint.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.SetQuorumQueue();
            });
            if (options.Transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var r = options.RabbitMq;
                    cfg.Host(r.Host, r.Port, r.VirtualHost, h => { h.Username(r.Username); h.Password(r.Password); });
                    cfg.UseConsumeFilter(typeof(LogConsumeFilter<>), context);
                    cfg.UsePublishFilter(typeof(MetricsPublishFilter<>), context);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseConsumeFilter(typeof(LogConsumeFilter<>), context);
                    cfg.UsePublishFilter(typeof(MetricsPublishFilter<>), context);
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        builder.Services.AddSingleton<PublishHealth>();
        builder.Services.AddHealthChecks().AddCheck<PublishHealth>("bus-publish", tags: [ServiceDefaultsSetup.ReadyTag]);
        if (options.Transport == BusTransport.RabbitMq && options.Watchdog.Enabled)
        {
            builder.Services.AddSingleton(options);
            builder.Services.AddHostedService<BusWatchdog>();
        }
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            // Without this the first publish on a fresh broker can be lost before bindings exist.
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            // Consumers take milliseconds; a bus whose broker link is broken would otherwise hold a watchdog restart for 30 s.
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        // The whole stop, every hosted service included, within 15 s instead of the default 30: when the
        // watchdog stops a service whose broker link is broken, its supervisor restarts it that much sooner.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        return builder;
    }

    private static ConsumerRegistrations RegistrationsOf(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ConsumerRegistrations))?.ImplementationInstance is ConsumerRegistrations existing)
            return existing;
        var created = new ConsumerRegistrations();
        services.AddSingleton(created);
        return created;
    }
}
