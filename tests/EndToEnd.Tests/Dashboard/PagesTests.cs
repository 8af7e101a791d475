using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Directive58.Contracts;
using Directive58.EndToEnd.Tests.Support;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.Dashboard;

/// <summary>The pages in the real composition: unit scope, diacritic-free search, auditing, relabelling, antiforgery.</summary>
public sealed partial class PagesTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new(testHarness: true);
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _api = await _app.StartAsync();
        await RoleUsers.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Guid> SubmitAndWaitAsync(string clientId, string workplace, string text)
    {
        var id = await Reports.IdOfAsync(await Reports.PostAsync(_api, Reports.Report(clientId, text, workplace)));
        await Reports.EventuallyAsync(async () =>
        {
            await using var connection = await _app.Database.OpenAsync();
            return await connection.ExecuteScalarAsync<long>("select count(*) from report_search where report_id = @id", new { id }) > 0 ? "indexed" : null;
        }, TimeSpan.FromSeconds(20), $"report {clientId} classified and indexed");
        return id;
    }

    [Fact]
    public async Task A_grassroots_officer_sees_only_the_reports_of_their_workplace_and_the_federation_sees_both()
    {
        await SubmitAndWaitAsync("scope-1", "BN-002", "Bếp ăn ca đêm ở Seojin cơm nguội mã-hai");
        await SubmitAndWaitAsync("scope-2", "BN-005", "Xe đưa đón ca đêm đến muộn mã-năm");

        var officer = await (await RoleUsers.SignInAsync(_app, "cdcs")).GetStringAsync("/Reports");
        var federation = await (await RoleUsers.SignInAsync(_app, "ldld")).GetStringAsync("/Reports");

        Assert.Contains("mã-hai", officer);
        Assert.DoesNotContain("mã-năm", officer);
        Assert.Contains("mã-hai", federation);
        Assert.Contains("mã-năm", federation);
    }

    [Fact]
    public async Task Search_finds_reports_with_or_without_diacritics_either_way()
    {
        await SubmitAndWaitAsync("search-1", "BN-007", "Công ty nợ lương công nhân ba tháng liền");
        await SubmitAndWaitAsync("search-2", "BN-008", "cty chua dong bhxh cho anh em 6 thang");
        var admin = await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword);

        var plain = await admin.GetStringAsync("/Reports?q=no+luong");
        var accented = await admin.GetStringAsync("/Reports?q=" + Uri.EscapeDataString("đóng BHXH"));
        var none = await admin.GetStringAsync("/Reports?q=dinh+cong");

        Assert.Contains("nợ lương công nhân ba tháng", plain);
        Assert.DoesNotContain("bhxh cho anh em", plain);
        Assert.Contains("bhxh cho anh em", accented);
        Assert.Contains("Không có báo cáo phù hợp", none);
    }

    [Fact]
    public async Task Opening_a_report_page_writes_the_view_to_the_audit_log_that_administrators_read()
    {
        var id = await SubmitAndWaitAsync("audit-1", "BN-002", "Tổ trưởng quát mắng công nhân mới");
        var officer = await RoleUsers.SignInAsync(_app, "cdcs");

        var page = await officer.GetStringAsync($"/Reports/Detail/{id}");
        var audit = await (await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword)).GetStringAsync("/Admin/Audit");

        Assert.Contains("Tổ trưởng quát mắng công nhân mới", page);
        Assert.Matches($"<td>cdcs</td><td>view-report-text</td>\\s*<td>\\s*<a href=\"/Reports/Detail/{id}\">", audit);
    }

    [Fact]
    public async Task A_report_outside_the_officers_unit_is_not_found_and_not_audited()
    {
        var id = await SubmitAndWaitAsync("audit-2", "BN-005", "Phòng trọ tăng giá điện");
        var response = await (await RoleUsers.SignInAsync(_app, "cdcs")).GetAsync($"/Reports/Detail/{id}");
        await using var connection = await _app.Database.OpenAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from audit_log where subject = @s", new { s = id.ToString() }));
    }

    [Fact]
    public async Task Relabelling_a_report_sends_the_command_the_classifier_learns_from()
    {
        var id = await SubmitAndWaitAsync("relabel-1", "BN-002", "Công đoàn tổ chức khám sức khỏe định kỳ");
        var officer = await RoleUsers.SignInAsync(_app, "cdcs");
        var form = await officer.GetStringAsync($"/Reports/Detail/{id}");

        var response = await officer.PostAsync($"/Reports/Detail/{id}?handler=Relabel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["topic"] = "union_relations", ["risk"] = "none", ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await _app.Services.GetRequiredService<ITestHarness>().Published.Any<RelabelReport>(
            x => x.Context.Message.ReportId == id && x.Context.Message.Topic == "union_relations" && x.Context.Message.By == "cdcs"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var officer = await RoleUsers.SignInAsync(_app, "cdcs");
        var response = await officer.PostAsync("/Submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["WorkplaceCode"] = "BN-002", ["Text"] = "x", ["ClientId"] = "csrf-1" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_committee_official_sees_the_workplaces_of_their_commune_only()
    {
        var page = await (await RoleUsers.SignInAsync(_app, "capuy")).GetStringAsync("/Network");
        await using var connection = await _app.Database.OpenAsync();
        var inCommune = await connection.QueryAsync<string>("select code from workplaces where commune_code = 'p-que-vo'");
        var elsewhere = await connection.QueryAsync<string>("select code from workplaces where commune_code <> 'p-que-vo'");
        Assert.All(inCommune, code => Assert.Contains(code, page));
        Assert.All(elsewhere, code => Assert.DoesNotContain($"{code} ·", page));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
