using Directive58.Alerts.Cases;
using Directive58.Alerts.Tests.Support;
using Directive58.Contracts;

namespace Directive58.Alerts.Tests.Cases;

public sealed class CaseActionTests : IAsyncLifetime
{
    private AlertsStore _store = null!;

    public async Task InitializeAsync() => _store = await AlertsStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private DateTimeOffset Now => _store.Clock.GetUtcNow();

    [Fact]
    public async Task Resolving_with_an_outcome_closes_the_hot_spot_and_stops_its_alerts_escalating()
    {
        var opened = await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning);
        var id = opened.Changed!.HotSpotId;

        var result = await ResolveHotSpotConsumer.ResolveAsync(_store.Database, new ResolveHotSpot(id, "arrears_paid", "Công ty đã trả lương", "can-bo-1", Now), default);
        _store.Clock.Advance(TimeSpan.FromDays(5));

        Assert.Equal(("closed", "closed"), (result.Changed?.Status, result.Changed?.Change));
        Assert.Equal("arrears_paid", await _store.ScalarAsync<string>("select outcome from hotspots"));
        Assert.Equal("resolved", await _store.ScalarAsync<string>("select status from alerts"));
        Assert.Empty(await new Alerts.Escalation.EscalationSweep(_store.Database, _store.Wrapped, _store.Clock).RunAsync());
    }

    [Fact]
    public async Task An_unknown_outcome_or_a_nameless_closer_is_refused()
    {
        var id = (await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning)).Changed!.HotSpotId;

        Assert.Equal(CaseStatus.Invalid, (await ResolveHotSpotConsumer.ResolveAsync(_store.Database, new ResolveHotSpot(id, "went-away", null, "can-bo-1", Now), default)).Status);
        Assert.Equal(CaseStatus.Invalid, (await ResolveHotSpotConsumer.ResolveAsync(_store.Database, new ResolveHotSpot(id, "unfounded", null, " ", Now), default)).Status);
        Assert.Equal("open", await _store.ScalarAsync<string>("select status from hotspots"));
    }

    [Fact]
    public async Task Assign_note_resolve_and_reopen_make_the_timeline_in_order()
    {
        var id = (await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning)).Changed!.HotSpotId;
        await AssignCaseConsumer.AssignAsync(_store.Database, new AssignCase(id, "Chủ tịch CĐCS", "can-bo-1", Now.AddMinutes(1)), default);
        await AddCaseNoteConsumer.AddAsync(_store.Database, new AddCaseNote(id, "Đã gặp ban giám đốc", "can-bo-1", Now.AddMinutes(2)), default);
        await ResolveHotSpotConsumer.ResolveAsync(_store.Database, new ResolveHotSpot(id, "settled_by_dialogue", null, "can-bo-1", Now.AddMinutes(3)), default);

        var reopened = await ReopenHotSpotConsumer.ReopenAsync(_store.Database, new ReopenHotSpot(id, "Công nhân lại phản ánh", "can-bo-2", Now.AddMinutes(4)), default);

        Assert.Equal("reopened", reopened.Changed?.Change);
        var kinds = await _store.QueryAsync<string>("select kind from case_events where hotspot_id = @id order by at", new { id });
        Assert.Equal(["opened", "assigned", "note", "resolved", "reopened"], kinds);
    }

    [Fact]
    public async Task A_closed_hot_spot_is_not_reopened_while_another_is_open_for_the_same_workplace()
    {
        var first = (await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning)).Changed!.HotSpotId;
        await ResolveHotSpotConsumer.ResolveAsync(_store.Database, new ResolveHotSpot(first, "unfounded", null, "can-bo-1", Now), default);
        await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Alarm);

        var result = await ReopenHotSpotConsumer.ReopenAsync(_store.Database, new ReopenHotSpot(first, "", "can-bo-1", Now), default);

        Assert.Equal(CaseStatus.Conflict, result.Status);
        Assert.Equal(1L, await _store.ScalarAsync<long>("select count(*) from hotspots where status = 'open'"));
    }
}
