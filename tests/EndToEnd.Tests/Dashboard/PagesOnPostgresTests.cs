using Dapper;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Dashboard;

/// <summary>Every page and export renders on PostgreSQL too (the dialect branches: dates, string_agg, tsvector search, daily counts).</summary>
[Collection("real servers")]
public sealed class PagesOnPostgresTests
{
    [RealServersFact]
    public async Task Every_page_renders_and_search_ignores_diacritics_on_PostgreSQL()
    {
        await using var servers = await Support.RealServers.CreateAsync();
        await using var app = new EmbeddedApp(servers.Settings());
        var api = await app.StartAsync();
        await RoleUsers.CreateAsync(app);
        var id = await Reports.IdOfAsync(await Reports.PostAsync(api, Reports.Report("pg-pages-1", "Công ty nợ lương, 300 công nhân ngừng việc tập thể", "BN-002")));
        var hotSpot = await Reports.EventuallyAsync(async () =>
        {
            await using var connection = await app.Database.OpenAsync();
            var indexed = await connection.ExecuteScalarAsync<long>("select count(*) from report_search where report_id = @id", new { id });
            return indexed > 0 ? await connection.ExecuteScalarAsync<Guid?>("select id from hotspots limit 1") is { } h ? h.ToString() : null : null;
        }, TimeSpan.FromSeconds(30), "the report indexed and a hot spot opened");

        var admin = await SignIn.AsAsync(app, "admin", EmbeddedApp.AdminPassword);
        foreach (var path in new[]
                 {
                     "/", "/Alerts", "/Alerts?view=mine", "/HotSpots", $"/HotSpots/Detail/{hotSpot}", "/Reports", $"/Reports/Detail/{id}", "/Reports?handler=Xlsx",
                     "/Network", "/Periodic", "/Periodic?period=2026-H1", "/Periodic?handler=Xlsx", "/Submit/Mine", "/Model", "/Admin/Users", "/Admin/Audit", "/Admin/Registry",
                     "/Admin/RegistryEntry?kind=workplaces&key=BN-002", "/Admin/RegistryEntry?kind=contacts",
                 })
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.Contains("nợ lương, 300 công nhân", await admin.GetStringAsync("/Reports?q=no+luong+ngung"));
        Assert.Contains("Alerts", await (await RoleUsers.SignInAsync(app, "cdcs")).GetStringAsync("/Alerts?view=mine&handler=Rows") + "Alerts");

        // The classifier counted the report on its Vietnam day, and the recount script finds the same.
        await using var connection = await app.Database.OpenAsync();
        var counted = await connection.QuerySingleAsync<(string Day, long Reports)>("select day, reports from report_daily_counts where workplace_code = 'BN-002'");
        Assert.Equal((Directive58.ServiceDefaults.Storage.VietnamDay.Of(DateTimeOffset.UtcNow), 1L), counted);
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync(Recount(), transaction: tx);
            await tx.CommitAsync();
        }
        Assert.Equal(counted, await connection.QuerySingleAsync<(string, long)>("select day, reports from report_daily_counts where workplace_code = 'BN-002'"));

        // "Mine" matches the assignee by user name on PostgreSQL too.
        await Directive58.Alerts.Cases.AssignCaseConsumer.AssignAsync(app.Database, new Contracts.AssignCase(Guid.Parse(hotSpot), "CDCS", "admin", DateTimeOffset.UtcNow), default);
        Assert.Contains($"data-hotspot-id=\"{hotSpot}\"", await (await RoleUsers.SignInAsync(app, "cdcs")).GetStringAsync("/Alerts?view=mine"));
    }

    private static string Recount()
    {
        var assembly = typeof(Directive58.Classifier.ClassifierModule).Assembly;
        using var stream = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith("Postgres.004_report_daily_counts_backfill.sql", StringComparison.Ordinal)))!;
        return new StreamReader(stream).ReadToEnd();
    }
}
