using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>
/// After a fault, counts from the database — never from what the test sent — that every report
/// that got a 202 was stored once, classified once (and counted once in the daily counts), seen once
/// by Alerts, and that exactly the expected alerts exist, one per workplace.
/// </summary>
public static class PipelineLedger
{
    public static async Task AssertNothingLostNorDoubledAsync(Database database, ReportLoad load, TimeSpan within)
    {
        var ids = load.Accepted.Values.Distinct().ToArray();
        Assert.Equal(load.Accepted.Count, ids.Length);
        var progress = "";
        try
        {
            await Reports.EventuallyAsync(async () =>
            {
                await using var c = await database.OpenAsync();
                var classified = await c.ExecuteScalarAsync<long>("select count(*) from reports where status = 'classified' and id = any(@ids)", new { ids });
                var stored = await c.ExecuteScalarAsync<long>("select count(*) from classifications where report_id = any(@ids)", new { ids });
                var signals = await c.ExecuteScalarAsync<long>("select count(*) from report_signals where report_id = any(@ids)", new { ids });
                progress = $"{classified} marked classified, {stored} classifications, {signals} signals";
                return classified == ids.Length && signals == ids.Length ? "done" : null;
            }, within, $"all {ids.Length} accepted reports classified and seen by Alerts");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} (at the deadline: {progress})", ex);
        }

        await using var connection = await database.OpenAsync();
        Assert.Equal(ids.Length, await connection.ExecuteScalarAsync<long>("select count(*) from reports"));
        Assert.Equal(ids.Length, await connection.ExecuteScalarAsync<long>("select count(*) from classifications where report_id = any(@ids)", new { ids }));
        Assert.Equal(ids.Length, await connection.ExecuteScalarAsync<long>("select count(distinct report_id) from classifications"));
        Assert.Equal(ids.Length, await connection.ExecuteScalarAsync<long>("select coalesce(sum(reports), 0) from report_daily_counts"));

        var alerts = (await connection.QueryAsync<(string Workplace, long Count)>(
            "select workplace_code, count(*) from alerts group by workplace_code")).ToDictionary(a => a.Workplace, a => a.Count);
        var expected = load.ExpectedAlertWorkplaces();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Order(), alerts.Keys.Order());
        Assert.All(alerts, a => Assert.Equal(1, a.Value));
    }

    public static async Task<IReadOnlyList<string>> WorkplacesAsync(Database database, int count)
    {
        await using var connection = await database.OpenAsync();
        return (await connection.QueryAsync<string>("select code from workplaces order by code limit @count", new { count })).ToList();
    }
}
