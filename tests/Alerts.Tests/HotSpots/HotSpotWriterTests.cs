using Directive58.Alerts.Tests.Support;
using Directive58.Contracts;

namespace Directive58.Alerts.Tests.HotSpots;

public sealed class HotSpotWriterTests : IAsyncLifetime
{
    private AlertsStore _store = null!;

    public async Task InitializeAsync() => _store = await AlertsStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task New_evidence_for_a_workplace_joins_its_one_open_hot_spot()
    {
        var first = await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning, reportId: Guid.NewGuid());
        var again = await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning, reportId: Guid.NewGuid());

        Assert.Equal("opened", first.Changed?.Change);
        Assert.Null(again.Changed);
        Assert.Null(again.Alert);
        Assert.Equal(1L, await _store.ScalarAsync<long>("select count(*) from hotspots where workplace_code = 'BN-005' and status = 'open'"));
        Assert.Equal(2L, await _store.ScalarAsync<long>("select count(*) from hotspot_evidence"));
    }

    [Fact]
    public async Task Stronger_evidence_raises_the_level_with_a_new_alert_that_supersedes_the_old_one()
    {
        var watch = await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Watch, "ears-c3");
        var alarm = await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Alarm, "critical-report");

        Assert.Equal(("raised", watch.Changed!.HotSpotId), (alarm.Changed?.Change, alarm.Changed?.HotSpotId));
        Assert.Equal("alarm", await _store.ScalarAsync<string>("select level from hotspots"));
        var statuses = await _store.QueryAsync<(string, string)>("select level, status from alerts order by raised_at, level");
        Assert.Contains(("watch", "superseded"), statuses);
        Assert.Contains(("alarm", "open"), statuses);
    }

    [Fact]
    public async Task A_zone_and_one_of_its_workplaces_each_have_their_own_open_hot_spot()
    {
        await HotSpotFactory.OpenAsync(_store, "BN-001", HotSpotLevel.Warning);
        await using (var connection = await _store.Database.OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await Alerts.HotSpots.HotSpotWriter.OpenOrRaiseAsync(connection, tx, "kcn-que-vo", HotSpotLevel.Watch, "ears-c2", null, "wages",
                _store.Options, _store.Clock.GetUtcNow(), Alerts.Routing.UnitKinds.Zone);
            await tx.CommitAsync();
        }

        Assert.Equal(2L, await _store.ScalarAsync<long>("select count(*) from hotspots where status = 'open'"));
        Assert.Equal("cd-kcn-que-vo", await _store.ScalarAsync<string>("select r.unit_code from alert_recipients r join alerts a on a.id = r.alert_id where a.unit_kind = 'zone' order by r.unit_code limit 1"));
    }
}
