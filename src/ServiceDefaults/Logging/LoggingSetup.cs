using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;

namespace Directive58.ServiceDefaults.Logging;

/// <summary>Serilog to the console and a daily rolling file (`Logging:File`, default logs/{service}-.log).</summary>
internal static class LoggingSetup
{
    public static void AddSerilogLogging(IHostApplicationBuilder builder)
    {
        var service = builder.Environment.ApplicationName.ToLowerInvariant();
        var path = builder.Configuration["Logging:File"] ?? Path.Combine("logs", $"{service}-.log");
        // `Serilog:MinimumLevel:Default` (Verbose…Fatal) sets the floor; the framework's chatter stays at Warning.
        var floor = Enum.TryParse<LogEventLevel>(builder.Configuration["Serilog:MinimumLevel:Default"], true, out var level) ? level : LogEventLevel.Information;
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(floor)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Microsoft.AspNetCore.DataProtection", LogEventLevel.Error)
            .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", service)
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        if (!string.Equals(path, "none", StringComparison.OrdinalIgnoreCase))
            configuration = configuration.WriteTo.File(new Serilog.Formatting.Json.JsonFormatter(renderMessage: true), path,
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, shared: true);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(configuration.CreateLogger(), dispose: true);
    }
}
