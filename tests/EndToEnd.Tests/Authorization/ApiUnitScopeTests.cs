using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Authorization;

/// <summary>The modules' read APIs scope a signed-in user to their unit as the pages do; an API key sees the province.</summary>
public sealed class ApiUnitScopeTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new();
    private HttpClient _machine = null!;

    public async Task InitializeAsync()
    {
        _machine = await _app.StartAsync();
        await RoleUsers.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_workplace_officer_sees_through_the_api_only_the_alerts_and_hot_spots_of_their_own_workplace()
    {
        await Reports.PostAsync(_machine, Reports.Report("scope-own", workplaceCode: "BN-002"));
        await Reports.PostAsync(_machine, Reports.Report("scope-other", workplaceCode: "BN-005"));
        var all = await Reports.EventuallyAsync(async () =>
        {
            var doc = JsonDocument.Parse(await _machine.GetStringAsync("/api/v1/alerts"));
            return Workplaces(doc.RootElement).IsSupersetOf(["BN-002", "BN-005"]) ? doc : null;
        }, TimeSpan.FromSeconds(20), "alerts at BN-002 and BN-005");
        var other = all.RootElement.EnumerateArray().First(a => a.GetProperty("workplaceCode").GetString() == "BN-005");
        var officer = await RoleUsers.SignInAsync(_app, "cdcs");

        using var alerts = JsonDocument.Parse(await officer.GetStringAsync("/api/v1/alerts"));
        using var hotSpots = JsonDocument.Parse(await officer.GetStringAsync("/api/v1/hotspots"));
        using var otherAlert = await officer.GetAsync($"/api/v1/alerts/{other.GetProperty("id").GetGuid()}");
        using var otherHotSpot = await officer.GetAsync($"/api/v1/hotspots/{other.GetProperty("hotSpotId").GetGuid()}");
        using var ownHotSpots = JsonDocument.Parse(await _machine.GetStringAsync("/api/v1/hotspots?workplaceCode=BN-002"));
        using var ownHotSpot = await officer.GetAsync($"/api/v1/hotspots/{ownHotSpots.RootElement[0].GetProperty("id").GetGuid()}");

        Assert.Equal(["BN-002"], Workplaces(alerts.RootElement));
        Assert.Equal(["BN-002"], Workplaces(hotSpots.RootElement));
        Assert.Equal(HttpStatusCode.NotFound, otherAlert.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherHotSpot.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownHotSpot.StatusCode);
    }

    [Fact]
    public async Task A_workplace_officer_cannot_act_through_the_api_on_another_units_alert_hot_spot_or_report()
    {
        var own = await Reports.IdOfAsync(await Reports.PostAsync(_machine, Reports.Report("act-own", workplaceCode: "BN-002")));
        var other = await Reports.IdOfAsync(await Reports.PostAsync(_machine, Reports.Report("act-other", workplaceCode: "BN-005")));
        var alert = await Reports.EventuallyAsync(async () =>
        {
            var doc = JsonDocument.Parse(await _machine.GetStringAsync("/api/v1/alerts?workplaceCode=BN-005"));
            return doc.RootElement.GetArrayLength() > 0 ? doc : null;
        }, TimeSpan.FromSeconds(20), "an alert at BN-005");
        var alertId = alert.RootElement[0].GetProperty("id").GetGuid();
        var hotSpotId = alert.RootElement[0].GetProperty("hotSpotId").GetGuid();
        var officer = await RoleUsers.SignInAsync(_app, "cdcs");

        using var ack = await officer.PostAsync($"/api/v1/alerts/{alertId}/ack", null);
        using var note = await officer.PostAsJsonAsync($"/api/v1/hotspots/{hotSpotId}/notes", new { note = "ghi chú" });
        using var relabelOther = await officer.PostAsJsonAsync($"/api/v1/reports/{other}/labels", new { topic = "wages", risk = "low" });
        using var relabelOwn = await officer.PostAsJsonAsync($"/api/v1/reports/{own}/labels", new { topic = "wages", risk = "low" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NoContent),
            (ack.StatusCode, note.StatusCode, relabelOther.StatusCode, relabelOwn.StatusCode));
        using var after = JsonDocument.Parse(await _machine.GetStringAsync($"/api/v1/alerts/{alertId}"));
        Assert.Equal(JsonValueKind.Null, after.RootElement.GetProperty("acknowledgedAt").ValueKind);
    }

    [Fact]
    public async Task An_industrial_zones_own_hot_spot_is_seen_by_the_zone_union_and_not_by_one_workplaces_union()
    {
        var zoneHotSpot = Guid.NewGuid();
        await using (var connection = await _app.Database.OpenAsync())
            await connection.ExecuteAsync(
                """
                insert into hotspots (id, workplace_code, unit_kind, level, status, reason, opened_at, updated_at)
                values (@zoneHotSpot, 'kcn-que-vo', 'zone', 'warning', 'open', 'zone-surge', @now, @now)
                """, new { zoneHotSpot, now = DateTimeOffset.UtcNow });
        var zoneUnion = await RoleUsers.SignInAsync(_app, "kcn");
        var workplaceUnion = await RoleUsers.SignInAsync(_app, "cdcs");

        using var seenByZone = JsonDocument.Parse(await zoneUnion.GetStringAsync("/api/v1/hotspots"));
        using var seenByWorkplace = JsonDocument.Parse(await workplaceUnion.GetStringAsync("/api/v1/hotspots"));
        using var zoneDetail = await zoneUnion.GetAsync($"/api/v1/hotspots/{zoneHotSpot}");
        using var workplaceDetail = await workplaceUnion.GetAsync($"/api/v1/hotspots/{zoneHotSpot}");

        Assert.Contains("kcn-que-vo", Workplaces(seenByZone.RootElement));
        Assert.DoesNotContain("kcn-que-vo", Workplaces(seenByWorkplace.RootElement));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (zoneDetail.StatusCode, workplaceDetail.StatusCode));
    }

    private static HashSet<string> Workplaces(JsonElement rows) =>
        rows.EnumerateArray().Select(a => a.GetProperty("workplaceCode").GetString()!).ToHashSet();
}
