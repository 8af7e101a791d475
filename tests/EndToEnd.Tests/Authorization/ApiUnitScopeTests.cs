using System.Net;
using System.Text.Json;
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

    private static HashSet<string> Workplaces(JsonElement rows) =>
        rows.EnumerateArray().Select(a => a.GetProperty("workplaceCode").GetString()!).ToHashSet();
}
