using Directive58.Alerts.Tests.Support;

namespace Directive58.Alerts.Tests.DailyDetection;

public sealed class DailyDetectionTests : IAsyncLifetime
{
    private AlertsStore _store = null!;

    public async Task InitializeAsync() => _store = await AlertsStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private Alerts.DailyDetection.DailyDetection Detection() => new(_store.Database, _store.Wrapped, _store.Clock);

    /// <summary>Noon Vietnam time on a day before the store's clock (2026-03-10 09:00 local).</summary>
    private static DateTimeOffset Local(int day) => new(2026, 3, day, 12, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Three_reporters_on_a_quiet_workplace_day_open_a_hot_spot_from_EARS()
    {
        await _store.AddSignalAsync("BN-005", "elevated", "a", Local(1));
        foreach (var reporter in new[] { "b", "c", "d" }) await _store.AddSignalAsync("BN-005", "elevated", reporter, Local(9));

        var events = await Detection().RunAsync(Detection().Yesterday());

        Assert.Equal(new DateOnly(2026, 3, 9), Detection().Yesterday());
        Assert.Contains(events, e => e is Contracts.AlertRaised { WorkplaceCode: "BN-005", Level: "warning" });
        Assert.Equal("ears-c1-c2", await _store.ScalarAsync<string>("select reason from hotspots where unit_kind = 'workplace'"));
        Assert.Equal(3L, await _store.ScalarAsync<long>("select count(*) from hotspot_evidence"));
    }

    [Fact]
    public async Task Running_the_same_day_twice_changes_nothing()
    {
        foreach (var reporter in new[] { "b", "c", "d" }) await _store.AddSignalAsync("BN-005", "elevated", reporter, Local(9));
        await Detection().RunAsync(new DateOnly(2026, 3, 9));
        var alerts = await _store.ScalarAsync<long>("select count(*) from alerts");

        var again = await Detection().RunAsync(new DateOnly(2026, 3, 9));

        Assert.Empty(again);
        Assert.Equal(alerts, await _store.ScalarAsync<long>("select count(*) from alerts"));
        Assert.Equal(1L, await _store.ScalarAsync<long>("select count(*) from detection_runs where unit_kind = 'workplace' and unit_code = 'BN-005'"));
    }

    [Fact]
    public async Task Reports_spread_over_a_zone_open_a_zone_hot_spot_for_the_zone_union()
    {
        // BN-001, BN-004 and BN-007 are in KCN Quế Võ in the demo province; one report each is quiet for each firm.
        foreach (var (code, reporter) in new[] { ("BN-001", "x"), ("BN-004", "y"), ("BN-007", "z") })
            await _store.AddSignalAsync(code, "elevated", reporter, Local(9));
        var zone = await _store.ScalarAsync<string>("select zone_code from workplaces where code = 'BN-001'");

        await Detection().RunAsync(new DateOnly(2026, 3, 9));

        Assert.Equal(zone, await _store.ScalarAsync<string>("select workplace_code from hotspots where unit_kind = 'zone'"));
        Assert.Equal(0L, await _store.ScalarAsync<long>("select count(*) from hotspots where unit_kind = 'workplace'"));
    }

    [Fact]
    public async Task One_elevated_report_on_a_quiet_day_opens_nothing()
    {
        await _store.AddSignalAsync("BN-005", "elevated", "a", Local(9));

        Assert.Empty(await Detection().RunAsync(new DateOnly(2026, 3, 9)));
        Assert.Equal(0L, await _store.ScalarAsync<long>("select count(*) from hotspots"));
    }
}
