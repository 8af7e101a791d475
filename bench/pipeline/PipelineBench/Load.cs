using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace Directive58.Bench.Pipeline;

/// <summary>
/// Submits reports over HTTP — as fast as <c>--concurrency</c> allows, or at <c>--rate</c> per second —
/// then waits until every one is classified and seen by Alerts, and reads the timings back from the
/// database (submitted_at, classified_at, report_signals.received_at, alerts.raised_at): the
/// services' own clocks, not the client's.
/// </summary>
public static class Load
{
    private const string Critical = "Sáng nay khoảng 300 công nhân ngừng việc tập thể, tập trung trước cổng đòi trả lương.";
    private const string Low = "Công nhân hỏi về lịch tăng ca tháng sau, mong được báo trước.";
    private const string Calm = "Bếp ăn ca tối đã cải thiện, anh chị em hài lòng.";

    public static async Task<int> RunAsync(Options o)
    {
        var count = o.Int("count", 10_000);
        var rate = o.Int("rate", 0);
        var concurrency = o.Int("concurrency", 64);
        var run = o.Optional("run") ?? DateTime.UtcNow.ToString("HHmmss");
        var database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions
        {
            Provider = Enum.Parse<StorageProvider>(o["provider"]), ConnectionString = o["db"],
        }));
        await Directive58.Registry.Demo.DemoRegistry.SeedIfEmptyAsync(database);
        List<string> workplaces;
        await using (var c = await database.OpenAsync())
            workplaces = (await c.QueryAsync<string>("select code from workplaces order by code")).ToList();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(o["url"]) };
        http.DefaultRequestHeaders.Add("X-Api-Key", o["key"]);
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
        {
            if (rate > 0)
            {
                var due = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, ct);
            }
            var text = i % 50 == 0 ? Critical : i % 3 == 0 ? Low : Calm;
            var body = new { clientId = $"bench-{run}-{i}", workplaceCode = workplaces[i % workplaces.Count], text, channel = "app" };
            using var response = await http.PostAsJsonAsync("/api/v1/reports", body, ct);
            if (response.StatusCode != HttpStatusCode.Accepted) Interlocked.Increment(ref failures);
        });
        var submitted = clock.Elapsed;

        var prefix = $"bench-{run}-%";
        await using var connection = await database.OpenAsync();
        long done;
        do
        {
            await Task.Delay(200);
            done = await connection.ExecuteScalarAsync<long>(
                "select count(*) from reports r join report_signals s on s.report_id = r.id where r.client_id like @prefix and r.status = 'classified'", new { prefix });
        } while (done < count - failures && clock.Elapsed < TimeSpan.FromMinutes(10));
        var finished = clock.Elapsed;

        var rows = (await connection.QueryAsync<Timing>(
            """
            select r.submitted_at as SubmittedAt, r.classified_at as ClassifiedAt, s.received_at as SignalAt, a.raised_at as AlertAt
            from reports r join report_signals s on s.report_id = r.id left join alerts a on a.trigger_report_id = r.id
            where r.client_id like @prefix
            """, new { prefix })).ToList();
        var classified = rows.Where(r => r.ClassifiedAt is not null).Select(r => (r.ClassifiedAt!.Value - r.SubmittedAt).TotalMilliseconds).ToArray();
        var signalled = rows.Select(r => (r.SignalAt - r.SubmittedAt).TotalMilliseconds).ToArray();
        var alerted = rows.Where(r => r.AlertAt is not null).Select(r => (r.AlertAt!.Value - r.SubmittedAt).TotalMilliseconds).ToArray();
        Console.WriteLine($"reports {count}, non-202 {failures}, submitted in {submitted.TotalSeconds:F1} s ({count / submitted.TotalSeconds:F0}/s accepted), " +
                          $"all through Alerts in {finished.TotalSeconds:F1} s ({done / finished.TotalSeconds:F0}/s end to end)");
        Console.WriteLine($"submit→classified ms {Percentiles(classified)}");
        Console.WriteLine($"submit→alerts seen ms {Percentiles(signalled)}");
        Console.WriteLine($"submit→alert raised ms {Percentiles(alerted)} ({alerted.Length} alerts)");
        return done >= count - failures ? 0 : 1;
    }

    private static string Percentiles(double[] values)
    {
        if (values.Length == 0) return "(none)";
        Array.Sort(values);
        double P(double p) => values[Math.Min(values.Length - 1, (int)Math.Ceiling(p * values.Length) - 1)];
        return $"p50 {P(0.50):F0}  p95 {P(0.95):F0}  p99 {P(0.99):F0}  max {values[^1]:F0}";
    }

    private sealed record Timing
    {
        public DateTimeOffset SubmittedAt { get; init; }
        public DateTimeOffset? ClassifiedAt { get; init; }
        public DateTimeOffset SignalAt { get; init; }
        public DateTimeOffset? AlertAt { get; init; }
    }
}
