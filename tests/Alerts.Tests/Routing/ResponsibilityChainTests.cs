using Directive58.Alerts.Routing;
using Directive58.Alerts.Tests.Support;
using Directive58.Contracts;

namespace Directive58.Alerts.Tests.Routing;

public sealed class ResponsibilityChainTests : IAsyncLifetime
{
    private AlertsStore _store = null!;

    public async Task InitializeAsync() => _store = await AlertsStore.CreateAsync();

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private async Task<ResponsibilityChain.Chain> ChainAsync(string kind, string code)
    {
        await using var connection = await _store.Database.OpenAsync();
        return await ResponsibilityChain.ForUnitAsync(connection, kind, code);
    }

    [Fact]
    public async Task A_workplace_chain_runs_from_its_union_through_the_level_above_to_the_province()
    {
        var chain = await ChainAsync(UnitKinds.Workplace, "BN-005");

        Assert.Equal(["cdcs-bn-005", "cd-x-yen-phong", "ldld-bac-ninh", "tu-bac-ninh"], chain.Steps.Select(s => s.Code));
        Assert.Equal("du-x-yen-phong", chain.CommuneCommittee?.Code);
    }

    [Fact]
    public async Task A_warning_goes_to_the_union_and_the_level_above_and_an_alarm_also_to_the_committee_and_federation()
    {
        var chain = await ChainAsync(UnitKinds.Workplace, "BN-005");

        Assert.Equal(["cdcs-bn-005", "cd-x-yen-phong"], ResponsibilityChain.FirstRecipients(chain, HotSpotLevel.Warning).Select(r => r.Code));
        Assert.Equal(["cdcs-bn-005", "cd-x-yen-phong", "du-x-yen-phong", "ldld-bac-ninh"], ResponsibilityChain.FirstRecipients(chain, HotSpotLevel.Alarm).Select(r => r.Code));
    }

    [Fact]
    public async Task A_workplace_without_a_union_falls_to_the_union_of_its_zone_or_commune()
    {
        var chain = await ChainAsync(UnitKinds.Workplace, "BN-003");

        Assert.DoesNotContain(chain.Steps, s => s.Code.StartsWith("cdcs-", StringComparison.Ordinal));
        Assert.StartsWith("cd-", chain.Steps[0].Code);
        Assert.Equal("ldld-bac-ninh", chain.Steps[1].Code);
    }

    [Fact]
    public async Task An_industrial_zone_chain_starts_at_the_zone_union()
    {
        var chain = await ChainAsync(UnitKinds.Zone, "kcn-que-vo");

        Assert.Equal(["cd-kcn-que-vo", "ldld-bac-ninh", "tu-bac-ninh"], chain.Steps.Select(s => s.Code));
        Assert.Equal("du-p-que-vo", chain.CommuneCommittee?.Code);
    }

    [Fact]
    public async Task Escalation_goes_to_the_lowest_step_not_yet_told_and_stops_at_the_top()
    {
        var chain = await ChainAsync(UnitKinds.Workplace, "BN-005");
        var told = new List<(string, string)> { ("union", "cdcs-bn-005"), ("union", "cd-x-yen-phong"), ("union", "ldld-bac-ninh") };

        Assert.Equal("tu-bac-ninh", ResponsibilityChain.NextAbove(chain, told)?.Code);
        told.Add(("committee", "tu-bac-ninh"));
        Assert.Null(ResponsibilityChain.NextAbove(chain, told));
    }
}
