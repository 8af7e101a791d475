using Directive58.Alerts.HotSpots;

namespace Directive58.Alerts.Tests.Support;

/// <summary>Opens or raises a hot spot the way the detector does, inside its own transaction.</summary>
public static class HotSpotFactory
{
    public static async Task<HotSpotWriter.Outcome> OpenAsync(AlertsStore store, string workplaceCode, string level, string reason = "test", Guid? reportId = null)
    {
        await using var connection = await store.Database.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var outcome = await HotSpotWriter.OpenOrRaiseAsync(connection, tx, workplaceCode, level, reason, reportId, "wages", store.Options, store.Clock.GetUtcNow());
        await tx.CommitAsync();
        return outcome;
    }
}
