using Directive58.Ingest.SubmitReport;
using Directive58.Registry.Demo;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Dashboard.Demo;

/// <summary>
/// On an empty database (and `Demo:Enabled`, default true in Development) seeds the demo province
/// and a week of reports through the real pipeline, so a newcomer sees a living dashboard at once.
/// Seeded randomness: the same demo every time.
/// </summary>
public sealed class DemoSeeder(IServiceScopeFactory scopes, Database database, IConfiguration configuration, IHostEnvironment environment,
    TimeProvider clock, IHostApplicationLifetime lifetime, Accounts.UserAccounts accounts, ILogger<DemoSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Demo:Enabled", environment.IsDevelopment())) return;
        // Reports go through the bus, which starts after this service: wait until the host has started.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);
        if (!await DemoRegistry.SeedIfEmptyAsync(database, stoppingToken)) return;
        if (environment.IsDevelopment()) await DemoUsers.CreateAsync(accounts, configuration, logger, stoppingToken);
        var random = new Random(58);
        var now = clock.GetUtcNow();
        var workplaces = Enumerable.Range(1, 36).Select(n => $"BN-{n:000}").ToArray();
        var reports = new List<NewReport>();
        for (var i = 0; i < 140; i++)
        {
            var text = DemoReports.Background[random.Next(DemoReports.Background.Length)];
            reports.Add(new NewReport($"demo-bg-{i}", workplaces[random.Next(workplaces.Length)], text, "app",
                now.AddMinutes(-random.Next(7 * 24 * 60)), $"ctv-{random.Next(60):00}"));
        }
        for (var i = 0; i < DemoReports.Building.Length; i++)
            reports.Add(new NewReport($"demo-building-{i}", "BN-007", DemoReports.Building[i], i % 2 == 0 ? "sms" : "app", now.AddDays(-4 + i), $"ctv-b{i}"));
        for (var i = 0; i < DemoReports.Critical.Length; i++)
            reports.Add(new NewReport($"demo-critical-{i}", i == 2 ? "BN-021" : "BN-002", DemoReports.Critical[i], "app", now.AddHours(-6 - 20 * i), $"ctv-c{i}"));

        using var scope = scopes.CreateScope();
        var submission = scope.ServiceProvider.GetRequiredService<ReportSubmission>();
        foreach (var report in reports.OrderBy(r => r.OccurredAt)) await submission.SubmitAsync(report, stoppingToken);
        logger.LogInformation("Seeded the demo province with {Workplaces} workplaces and {Reports} reports", workplaces.Length, reports.Count);
    }
}
