using Directive58.Alerts.Escalation;
using Directive58.Alerts.Tests.Support;
using Directive58.Contracts;

namespace Directive58.Alerts.Tests.Escalation;

public sealed class EscalationSweepTests : IAsyncLifetime
{
    private AlertsStore _store = null!;

    public async Task InitializeAsync() => _store = await AlertsStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private EscalationSweep Sweep() => new(_store.Database, _store.Wrapped, _store.Clock);

    [Fact]
    public async Task An_unacknowledged_warning_is_not_escalated_before_its_deadline()
    {
        await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning);
        _store.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        Assert.Empty(await Sweep().RunAsync());
        Assert.Equal(0L, await _store.ScalarAsync<long>("select escalation_step from alerts"));
    }

    [Fact]
    public async Task An_unacknowledged_warning_climbs_the_chain_one_step_per_deadline_until_the_top()
    {
        var alert = (await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning)).Alert!;
        Assert.Equal(["cd-x-yen-phong", "cdcs-bn-005"], alert.RecipientUnits.Order());

        _store.Clock.Advance(TimeSpan.FromHours(24));
        var first = Assert.Single(await Sweep().RunAsync());
        Assert.Equal((1, "ldld-bac-ninh"), (first.EscalationStep, first.ToUnit));
        Assert.Equal(_store.Clock.GetUtcNow() + TimeSpan.FromHours(24), first.NextDueAt);
        Assert.Empty(await Sweep().RunAsync());

        _store.Clock.Advance(TimeSpan.FromHours(24));
        var second = Assert.Single(await Sweep().RunAsync());
        Assert.Equal((2, "tu-bac-ninh"), (second.EscalationStep, second.ToUnit));
        Assert.Null(second.NextDueAt);

        _store.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Empty(await Sweep().RunAsync());
        var steps = await _store.QueryAsync<(string, long)>("select unit_code, step from alert_recipients order by step, unit_code");
        Assert.Equal([("cd-x-yen-phong", 0L), ("cdcs-bn-005", 0L), ("ldld-bac-ninh", 1L), ("tu-bac-ninh", 2L)], steps);
        Assert.Equal(2L, await _store.ScalarAsync<long>("select count(*) from case_events where kind = 'escalated'"));
    }

    [Fact]
    public async Task An_alarm_escalates_to_the_province_committee_after_two_hours()
    {
        await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Alarm);
        _store.Clock.Advance(TimeSpan.FromHours(2));

        var escalated = Assert.Single(await Sweep().RunAsync());

        Assert.Equal("tu-bac-ninh", escalated.ToUnit);
        Assert.Null(escalated.NextDueAt);
    }

    [Fact]
    public async Task An_acknowledged_alert_does_not_escalate()
    {
        var alert = (await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning)).Alert!;
        await Alerting.AcknowledgeAlertConsumer.AcknowledgeAsync(_store.Database, new AcknowledgeAlert(alert.AlertId, "officer", _store.Clock.GetUtcNow()), default);
        _store.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Empty(await Sweep().RunAsync());
    }

    [Fact]
    public async Task Sweeps_racing_on_the_same_due_alert_escalate_it_once()
    {
        await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning);
        _store.Clock.Advance(TimeSpan.FromHours(25));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Sweep().RunAsync())));

        Assert.Single(results.SelectMany(r => r));
        Assert.Equal(1L, await _store.ScalarAsync<long>("select count(*) from alert_recipients where step = 1"));
    }

    [Fact]
    public async Task An_escalation_claimed_but_never_delivered_is_announced_again_after_the_grace_period_until_it_is_delivered()
    {
        var alert = (await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning)).Alert!;
        _store.Clock.Advance(TimeSpan.FromHours(24));
        var claimed = Assert.Single(await Sweep().RunAsync()); // and then the process died before publishing it

        Assert.Empty(await Sweep().UnannouncedAsync(TimeSpan.FromMinutes(2)));
        _store.Clock.Advance(TimeSpan.FromMinutes(2));
        var again = Assert.Single(await Sweep().UnannouncedAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal((alert.AlertId, 1, "ldld-bac-ninh", claimed.NextDueAt), (again.AlertId, again.EscalationStep, again.ToUnit, again.NextDueAt));

        await _store.ScalarAsync<long>(
            "insert into alert_deliveries (id, alert_id, escalation_step, unit_kind, unit_code, channel, attempt, status, at) values (@id, @alertId, 1, 'union', 'ldld-bac-ninh', 'in-app', 1, 'sent', @at) returning 1",
            new { id = Guid.NewGuid(), alertId = alert.AlertId, at = _store.Clock.GetUtcNow() });
        Assert.Empty(await Sweep().UnannouncedAsync(TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task An_escalation_still_undelivered_after_a_day_is_no_longer_announced_again()
    {
        await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Alarm);
        _store.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Single(await Sweep().RunAsync());

        _store.Clock.Advance(EscalationSweep.GiveUpAfter - TimeSpan.FromMinutes(1));
        Assert.Single(await Sweep().UnannouncedAsync(TimeSpan.FromMinutes(2)));
        _store.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await Sweep().UnannouncedAsync(TimeSpan.FromMinutes(2)));
    }
}
