using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Directive58.EndToEnd.Tests.Support;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.EndToEnd.Tests.Dashboard;

/// <summary>The overview and the periodic report read the classifier's daily counts: windows, Vietnam days, unit scope.</summary>
public sealed partial class DailyCountPagesTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new();
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _api = await _app.StartAsync();
        await RoleUsers.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task CountAsync(DateOnly day, string workplace, string topic, string risk, long reports)
    {
        await using var connection = await _app.Database.OpenAsync();
        await connection.ExecuteAsync("insert into report_daily_counts (day, workplace_code, topic, risk, reports) values (@day, @workplace, @topic, @risk, @reports)",
            new { day = VietnamDay.Of(day), workplace, topic, risk, reports });
    }

    [Fact]
    public async Task The_overview_ranks_workplaces_by_the_last_30_days_in_vietnam_and_charts_12_weeks_of_topics_within_the_unit()
    {
        var today = VietnamDay.Today(TimeProvider.System);
        await CountAsync(today, "BN-002", "wages", "critical", 2);
        await CountAsync(today.AddDays(-29), "BN-002", "wages", "elevated", 1);
        await CountAsync(today.AddDays(-30), "BN-002", "wages", "critical", 10);  // a day too old for the ranking, inside the trend
        await CountAsync(today, "BN-005", "safety_health", "elevated", 3);
        await CountAsync(today, "BN-005", "none", "none", 4);                     // not a topic: left out of the trend
        await CountAsync(today.AddDays(-84), "BN-005", "wages", "low", 7);        // a day before the twelve weeks

        var admin = await (await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword)).GetStringAsync("/");
        var officer = await (await RoleUsers.SignInAsync(_app, "cdcs")).GetStringAsync("/");

        Assert.Equal([("BN-002", "7", "3"), ("BN-005", "3", "3")], AtRisk(admin));
        Assert.Equal([("BN-002", "7", "3")], AtRisk(officer));
        Assert.Equal(new Dictionary<string, long> { ["Tiền lương, thưởng"] = 13, ["An toàn, vệ sinh lao động"] = 3 }, Trend(admin));
        Assert.Equal(new Dictionary<string, long> { ["Tiền lương, thưởng"] = 13 }, Trend(officer));
    }

    [Fact]
    public async Task The_periodic_report_counts_topics_and_risks_of_the_days_of_its_period_only()
    {
        await CountAsync(new DateOnly(2025, 2, 28), "BN-002", "wages", "low", 100);
        await CountAsync(new DateOnly(2025, 3, 1), "BN-002", "wages", "low", 1);
        await CountAsync(new DateOnly(2025, 3, 31), "BN-002", "wages", "critical", 2);
        await CountAsync(new DateOnly(2025, 3, 31), "BN-005", "employment", "low", 4);
        await CountAsync(new DateOnly(2025, 4, 1), "BN-002", "wages", "low", 100);

        var admin = await (await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword)).GetStringAsync("/Periodic?period=2025-03");
        var officer = await (await RoleUsers.SignInAsync(_app, "cdcs")).GetStringAsync("/Periodic?period=2025-03");

        Assert.Equal([("Việc làm, hợp đồng", "4"), ("Tiền lương, thưởng", "3")], Section(admin, "Chủ đề"));
        Assert.Equal([("Thấp", "5"), ("Nghiêm trọng", "2")], Section(admin, "Mức rủi ro"));
        Assert.Equal([("Tiền lương, thưởng", "3")], Section(officer, "Chủ đề"));
    }

    [Fact]
    public async Task A_report_through_the_pipeline_reaches_the_overview_once_classified()
    {
        var id = await Reports.IdOfAsync(await Reports.PostAsync(_api, Reports.Report("daily-1", workplaceCode: "BN-007")));
        await Reports.EventuallyAsync(async () =>
        {
            await using var connection = await _app.Database.OpenAsync();
            return await connection.ExecuteScalarAsync<long>("select coalesce(sum(reports), 0) from report_daily_counts where workplace_code = 'BN-007'") == 1 ? "counted" : null;
        }, TimeSpan.FromSeconds(30), $"report {id} classified and counted");

        var admin = await (await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword)).GetStringAsync("/");

        Assert.Contains(AtRisk(admin), row => row.Code == "BN-007" && row.Last30Days == "1");
        Assert.Equal(1, Trend(admin).Values.Sum());
    }

    /// <summary>The at-risk table's rows: workplace code, score, elevated-or-worse reports over 30 days.</summary>
    private static List<(string Code, string Score, string Last30Days)> AtRisk(string html) =>
        AtRiskRow().Matches(Between(html, "<table id=\"at-risk\">", "</table>"))
            .Select(m => (m.Groups["code"].Value, m.Groups["score"].Value, m.Groups["n"].Value)).ToList();

    private static Dictionary<string, long> Trend(string html)
    {
        using var json = JsonDocument.Parse(Between(html, "<script type=\"application/json\" id=\"topic-trend-data\">", "</script>"));
        return json.RootElement.GetProperty("series").EnumerateArray()
            .ToDictionary(s => s.GetProperty("label").GetString()!, s => s.GetProperty("data").EnumerateArray().Sum(d => d.GetInt64()));
    }

    /// <summary>The (label, count) rows of the table under a heading of the periodic report.</summary>
    private static List<(string Label, string Count)> Section(string html, string heading) =>
        SectionRow().Matches(Between(html, $"<h2>{heading}</h2>", "</table>"))
            .Select(m => (Regex.Replace(m.Groups["label"].Value, "<[^>]+>", ""), m.Groups["n"].Value)).ToList();

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not on the page");
        from += start.Length;
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    [GeneratedRegex("""href="/Reports\?workplace=(?<code>[^"]+)".*?<span class="risk [a-z]+">(?<score>\d+)</span>.*?<span class="muted">(?<n>\d+)</span>""", RegexOptions.Singleline)]
    private static partial Regex AtRiskRow();

    [GeneratedRegex("""<tr><td>(?<label>.*?)</td><td>(?<n>\d+)</td></tr>""")]
    private static partial Regex SectionRow();
}
