using Dapper;
using Directive58.Alerts.Cases;
using Directive58.Contracts;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Dashboard;

/// <summary>The alerts and cases board's "mine": cases assigned to me, and open alerts my unit must acknowledge.</summary>
public sealed class AlertsBoardTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public async Task InitializeAsync()
    {
        await _app.StartAsync();
        await RoleUsers.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Guid> HotSpotAsync(string workplace, string status, TimeSpan closedAgo = default)
    {
        var id = Guid.NewGuid();
        await using var connection = await _app.Database.OpenAsync();
        await connection.ExecuteAsync(
            """
            insert into hotspots (id, workplace_code, level, status, reason, opened_at, updated_at, closed_at)
            values (@id, @workplace, 'warning', @status, 'elevated-reporters', @opened, @opened, @closed)
            """, new { id, workplace, status, opened = _now.AddDays(-60), closed = status == "closed" ? _now - closedAgo : (DateTimeOffset?)null });
        return id;
    }

    private async Task<Guid> AlertAsync(Guid hotSpot, string workplace, string status, params string[] unionsTold)
    {
        var id = Guid.NewGuid();
        await using var connection = await _app.Database.OpenAsync();
        await connection.ExecuteAsync(
            """
            insert into alerts (id, hotspot_id, workplace_code, level, title, status, raised_at, due_at)
            values (@id, @hotSpot, @workplace, 'warning', 'Cảnh báo thử', @status, @now, @due)
            """, new { id, hotSpot, workplace, status, now = _now, due = _now.AddHours(24) });
        await connection.ExecuteAsync(
            "insert into alert_recipients (alert_id, unit_kind, unit_code, unit_name, step, added_at) values (@id, 'union', @code, @code, 0, @now)",
            unionsTold.Select(code => new { id, code, now = _now }));
        return id;
    }

    private Task AssignAsync(Guid hotSpot, string to) =>
        AssignCaseConsumer.AssignAsync(_app.Database, new AssignCase(hotSpot, to, "kcn", _now), default);

    [Fact]
    public async Task Mine_lists_the_cases_assigned_to_me_and_the_open_alerts_my_unit_must_acknowledge()
    {
        var mine = await HotSpotAsync("BN-002", "open");
        var closedLongAgo = await HotSpotAsync("BN-002", "closed", TimeSpan.FromDays(40));
        var outsideMyUnit = await HotSpotAsync("BN-004", "open");
        var colleagues = await HotSpotAsync("BN-002", "closed", TimeSpan.FromDays(5));
        await AssignAsync(mine, " CDCS ");
        await AssignAsync(closedLongAgo, "cdcs");
        await AssignAsync(outsideMyUnit, "cdcs");
        await AssignAsync(colleagues, "ldld");
        var toAcknowledge = await AlertAsync(mine, "BN-002", "open", "cdcs-bn-002", "cd-kcn-vsip-bn");
        var acknowledged = await AlertAsync(mine, "BN-002", "acknowledged", "cdcs-bn-002");
        var forTheProvince = await AlertAsync(colleagues, "BN-002", "open", "ldld-bac-ninh");

        var officer = await RoleUsers.SignInAsync(_app, "cdcs");
        var board = await officer.GetStringAsync("/Alerts?view=mine");
        var rows = await officer.GetStringAsync("/Alerts?view=mine&handler=Rows");
        var unit = await officer.GetStringAsync("/Alerts?view=unit");
        var federation = await (await RoleUsers.SignInAsync(_app, "ldld")).GetStringAsync("/Alerts?view=mine");

        Assert.Contains($"data-hotspot-id=\"{mine}\"", board);
        Assert.DoesNotContain($"data-hotspot-id=\"{closedLongAgo}\"", board);
        Assert.DoesNotContain($"data-hotspot-id=\"{outsideMyUnit}\"", board);
        Assert.DoesNotContain($"data-hotspot-id=\"{colleagues}\"", board);
        Assert.Equal([toAcknowledge], AlertIds(rows));
        Assert.Equal(new[] { toAcknowledge, acknowledged, forTheProvince }.Order(), AlertIds(unit).Order());
        Assert.Contains($"data-hotspot-id=\"{colleagues}\"", federation);
        var detail = await officer.GetStringAsync($"/HotSpots/Detail/{mine}");
        Assert.Matches("id=\"assigned-to\">[^<]*<strong>\\s*CDCS\\s*</strong>", detail);
        Assert.Contains("<option value=\"kcn\">kcn</option>", detail); // officers to hand the case to
        Assert.DoesNotContain("<option value=\"ctv\">", detail);       // a collaborator is not one
        Assert.Equal([forTheProvince], AlertIds(federation));
    }

    [Fact]
    public async Task Someone_without_a_unit_is_told_that_no_alert_is_addressed_to_them()
    {
        var spot = await HotSpotAsync("BN-002", "open");
        await AlertAsync(spot, "BN-002", "open", "cdcs-bn-002");

        var admin = await (await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword)).GetStringAsync("/Alerts?view=mine");

        Assert.Empty(AlertIds(admin));
        Assert.Contains("Bạn không thuộc đơn vị nào nhận cảnh báo.", admin);
    }

    private static List<Guid> AlertIds(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "data-alert-id=\"([0-9a-f-]+)\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
}
