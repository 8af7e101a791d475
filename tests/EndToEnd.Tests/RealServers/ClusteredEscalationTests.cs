using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Directive58.Alerts.Detection;
using Directive58.Contracts;
using Directive58.EndToEnd.Tests.Support;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.RealServers;

/// <summary>Two Alerts instances on PostgreSQL and RabbitMQ, their Quartz schedulers clustered: an overdue alert escalates exactly once.</summary>
[Collection("real servers")]
public sealed class ClusteredEscalationTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class AlertsInstance(Dictionary<string, string?> settings, Clock clock) : ServiceApp<DetectHotSpotConsumer>(settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock));
        }
    }

    [RealServersFact]
    public async Task Two_instances_escalate_an_overdue_alarm_once_and_the_daily_run_and_cases_work_on_PostgreSQL()
    {
        await using var servers = await Support.RealServers.CreateAsync();
        var clock = new Clock(DateTimeOffset.UtcNow);
        var settings = servers.Settings(new() { ["Alerts:Escalation:SweepInterval"] = "00:00:01" });
        await using var one = new AlertsInstance(settings, clock);
        await using var two = new AlertsInstance(settings, clock);
        var client = await one.StartAsync();
        two.CreateClient().Dispose();
        var database = one.Services.GetRequiredService<Database>();
        await global::Directive58.Registry.Demo.DemoRegistry.SeedIfEmptyAsync(database);

        await one.Services.GetRequiredService<IBus>().Publish(new ReportClassified(Guid.NewGuid(), "BN-005", "wages", "critical",
            new Dictionary<string, double>(), new Dictionary<string, double>(), "test", "ctv-01", clock.Now, clock.Now));
        await Reports.EventuallyAsync(() => AnyAsync(database, "select count(*) from alert_deliveries where channel = 'in-app'"), TimeSpan.FromSeconds(30), "the alarm is delivered in-app");
        clock.Now += TimeSpan.FromHours(3);

        await Reports.EventuallyAsync(() => AnyAsync(database, "select count(*) from alerts where escalation_step = 1"), TimeSpan.FromSeconds(30), "one instance escalates");
        var again = await Task.WhenAll(new[] { one, two }.Select(i => i.Services.GetRequiredService<global::Directive58.Alerts.Escalation.EscalationSweep>().RunAsync()));
        Assert.All(again, Assert.Empty);
        Assert.Equal(1L, await ScalarAsync(database, "select count(*) from alert_recipients where step = 1"));
        Assert.Equal(1L, await ScalarAsync(database, "select count(*) from case_events where kind = 'escalated'"));
        await Reports.EventuallyAsync(() => AnyAsync(database, "select count(*) from alert_deliveries where escalation_step = 1"), TimeSpan.FromSeconds(30), "the escalation is delivered");
        Assert.Equal(1L, await ScalarAsync(database, "select count(*) from alert_deliveries where escalation_step = 1 and channel = 'in-app'"));

        var detection = one.Services.GetRequiredService<global::Directive58.Alerts.DailyDetection.DailyDetection>();
        await detection.RunAsync(detection.Yesterday());
        using var alerts = JsonDocument.Parse(await client.GetStringAsync("/api/v1/alerts?workplaceCode=BN-005"));
        var hotSpotId = alerts.RootElement[0].GetProperty("hotSpotId").GetGuid();
        using var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/hotspots/{hotSpotId}"));
        Assert.Equal(["opened", "escalated"], detail.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Single(JsonDocument.Parse(await client.GetStringAsync("/api/v1/reports/outcomes?reporterRef=ctv-01")).RootElement.EnumerateArray());
    }

    private static async Task<long> ScalarAsync(Database database, string sql)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task<object?> AnyAsync(Database database, string sql) => await ScalarAsync(database, sql) > 0 ? true : null;
}
