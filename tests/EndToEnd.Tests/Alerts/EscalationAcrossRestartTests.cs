using Dapper;
using Directive58.Alerts.Detection;
using Directive58.Alerts.Escalation;
using Directive58.Contracts;
using Directive58.EndToEnd.Tests.Support;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.Alerts;

/// <summary>The Alerts service stops with an escalation pending; a new instance on the same database escalates it once, from its scheduler.</summary>
public sealed class EscalationAcrossRestartTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>The Alerts host alone on a database that outlives it, reading time from the test's clock.</summary>
    private sealed class AlertsHost(string folder, Clock clock, string sweepInterval) : ServiceApp<DetectHotSpotConsumer>(new Dictionary<string, string?>
    {
        ["Storage:ConnectionString"] = $"Data Source={folder}/d58.db",
        ["Alerts:Escalation:SweepInterval"] = sweepInterval,
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    private static AlertsHost Host(string folder, Clock clock, string sweepInterval) => new(folder, clock, sweepInterval);

    [Fact]
    public async Task An_escalation_pending_at_shutdown_fires_once_after_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "d58-tests", Guid.NewGuid().ToString("N"));
        var clock = new Clock(DateTimeOffset.UtcNow);
        try
        {
            // Its own async flow: MassTransit keeps its log context in an AsyncLocal, which must not leak into the second host.
            await Task.Run(async () =>
            {
                await using var first = Host(folder, clock, "01:00:00");
                first.CreateClient().Dispose();
                await global::Directive58.Registry.Demo.DemoRegistry.SeedIfEmptyAsync(first.Services.GetRequiredService<ServiceDefaults.Storage.Database>());
                await first.Services.GetRequiredService<IBus>().Publish(new ReportClassified(Guid.NewGuid(), "BN-005", "wages", "critical",
                    new Dictionary<string, double>(), new Dictionary<string, double>(), "test", "ctv-01", clock.Now, clock.Now));
                await Reports.EventuallyAsync(() => CountAsync(first, "select count(*) from alerts"), TimeSpan.FromSeconds(10), "the alarm is raised");
                await Reports.EventuallyAsync(() => CountAsync(first, "select count(*) from alert_deliveries"), TimeSpan.FromSeconds(10), "its in-app delivery is recorded");
            });

            clock.Now += TimeSpan.FromHours(2);
            await using var second = Host(folder, clock, "00:00:01");
            second.CreateClient().Dispose();
            await Reports.EventuallyAsync(() => CountAsync(second, "select count(*) from alerts where escalation_step = 1"), TimeSpan.FromSeconds(30),
                "the restarted scheduler's sweep escalates the alarm");

            Assert.Empty(await second.Services.GetRequiredService<EscalationSweep>().RunAsync());
            Assert.Equal(1L, await CountAsync(second, "select count(*) from alert_recipients where step = 1 and unit_code = 'tu-bac-ninh'"));
            Assert.Equal(1L, await CountAsync(second, "select count(*) from case_events where kind = 'escalated'"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<object?> CountAsync(WebApplicationFactory<DetectHotSpotConsumer> app, string sql)
    {
        await using var connection = await app.Services.GetRequiredService<ServiceDefaults.Storage.Database>().OpenAsync();
        var count = await connection.ExecuteScalarAsync<long>(sql);
        return count > 0 ? count : null;
    }
}
