using Directive58.Alerts.Silence;
using Directive58.Alerts.Tests.Support;

namespace Directive58.Alerts.Tests.Silence;

public sealed class SilenceCheckTests : IAsyncLifetime
{
    private AlertsStore _store = null!;

    public async Task InitializeAsync() => _store = await AlertsStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private SilenceCheck Check() => new(_store.Database, _store.Wrapped, _store.Clock);

    [Fact]
    public async Task A_workplace_whose_collaborators_all_stopped_for_thirty_days_is_flagged_once()
    {
        await _store.AddSignalAsync("BN-005", "low", "a", AlertsStore.Start.AddDays(-45));
        await _store.AddSignalAsync("BN-005", "none", "b", AlertsStore.Start.AddDays(-31));
        await _store.AddSignalAsync("BN-006", "low", "c", AlertsStore.Start.AddDays(-29));

        var flagged = Assert.Single(await Check().RunAsync());
        _store.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(("BN-005", 2), (flagged.WorkplaceCode, flagged.ActiveCollaborators));
        Assert.Empty(await Check().RunAsync());
        Assert.Equal(1L, await _store.ScalarAsync<long>("select count(*) from silent_workplaces"));
    }

    [Fact]
    public async Task A_new_report_clears_the_flag()
    {
        await _store.AddSignalAsync("BN-005", "low", "a", AlertsStore.Start.AddDays(-40));
        await Check().RunAsync();
        await _store.AddSignalAsync("BN-005", "low", "a", AlertsStore.Start.AddHours(1));
        _store.Clock.Advance(TimeSpan.FromDays(1));

        await Check().RunAsync();

        Assert.Equal(0L, await _store.ScalarAsync<long>("select count(*) from silent_workplaces where cleared_at is null"));
    }
}
