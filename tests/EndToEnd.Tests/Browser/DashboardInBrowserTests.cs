using Directive58.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace Directive58.EndToEnd.Tests.Browser;

/// <summary>The dashboard as people use it, in headless Chromium against the embedded app on a real port.</summary>
public sealed class DashboardInBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    private static readonly PageAssertionsToHaveURLOptions Slow = new() { Timeout = 20_000 };

    private static LocatorAssertionsToContainTextOptions Within(int seconds) => new() { Timeout = seconds * 1000 };

    [BrowserFact]
    public async Task Two_officers_of_different_units_each_see_only_their_own_unit()
    {
        await Reports.PostAsync(session.Api, Reports.Report("b-scope-1", "Quạt hỏng ở xưởng Hanel, nóng quá dấu-quế-võ", "BN-001"));
        await Reports.PostAsync(session.Api, Reports.Report("b-scope-2", "Bếp ăn ca đêm cơm nguội dấu-seojin", "BN-002"));

        var grassroots = await session.SignInAsync("cdcs");
        await grassroots.GotoAsync("/Reports");
        var zone = await session.SignInAsync("kcn");
        await zone.GotoAsync("/Reports");

        await Assertions.Expect(grassroots.Locator("#inbox")).ToContainTextAsync("dấu-seojin", Within(20));
        await Assertions.Expect(grassroots.Locator("#inbox")).Not.ToContainTextAsync("dấu-quế-võ");
        await Assertions.Expect(zone.Locator("#inbox")).ToContainTextAsync("dấu-quế-võ", Within(20));
        await Assertions.Expect(zone.Locator("#inbox")).Not.ToContainTextAsync("dấu-seojin");
        await session.ScreenshotAsync(grassroots, "inbox-grassroots-officer");
        await session.ScreenshotAsync(zone, "inbox-zone-officer");
    }

    [BrowserFact]
    public async Task A_collaborator_submits_without_diacritics_and_sees_the_report_classified()
    {
        var phone = await session.SignInAsync("ctv", phone: true);
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Submit$"), Slow);
        await phone.FillAsync("#Text", "khoang 100 cn ngung viec tap the vi cty no luong 2 thang");
        await phone.ClickAsync("#submit-form button[type=submit]");
        await Assertions.Expect(phone.Locator("#receipt")).ToContainTextAsync("Đã nhận phản ánh");
        await session.ScreenshotAsync(phone, "submit-receipt-phone");

        await phone.GotoAsync("/Submit/Mine");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await phone.Locator("#my-reports .classified").CountAsync() == 0 && DateTime.UtcNow < deadline)
            await phone.ReloadAsync();
        await Assertions.Expect(phone.Locator("#my-reports li").First).ToContainTextAsync("Đã phân loại");
        await Assertions.Expect(phone.Locator("#my-reports li").First).ToContainTextAsync("Tiền lương");
        await session.ScreenshotAsync(phone, "my-reports-phone");
    }

    [BrowserFact]
    public async Task Acknowledging_an_alert_updates_another_officers_board_live()
    {
        await Reports.PostAsync(session.Api, Reports.Report("b-ack-1", Reports.StoppageText, "BN-002"));
        var watcher = await session.SignInAsync("ldld");
        await watcher.GotoAsync("/Alerts");
        await Assertions.Expect(watcher.Locator("#live-status")).ToContainTextAsync("live", Within(20));
        var row = watcher.Locator("#alert-rows tr", new() { HasText = "Linh kiện Seojin" }).First;
        await Assertions.Expect(row.Locator(".status")).ToContainTextAsync("Chưa xác nhận", Within(20));

        var officer = await session.SignInAsync("cdcs");
        await officer.GotoAsync("/Alerts");
        await officer.Locator("#alert-rows tr", new() { HasText = "Linh kiện Seojin" }).First.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();

        // The watcher's page is not reloaded: the acknowledgement arrives over Server-Sent Events.
        await Assertions.Expect(row.Locator(".status")).ToContainTextAsync("Đã xác nhận", Within(20));
        await session.ScreenshotAsync(watcher, "alerts-board-after-live-acknowledgement");
    }

    [BrowserFact]
    public async Task The_overview_draws_the_trend_chart_the_tile_map_and_switches_to_english()
    {
        await Reports.PostAsync(session.Api, Reports.Report("b-overview-1", Reports.StoppageText, "BN-004"));
        var admin = await session.SignInAsync("admin", EmbeddedApp.AdminPassword);
        await admin.GotoAsync("/");
        await Assertions.Expect(admin.Locator("#risk-map .tile").First).ToBeVisibleAsync();
        // Chart.js, served by the app from the npm package, has drawn on the canvas.
        Assert.True(await admin.EvaluateAsync<bool>("() => !!window.Chart && !!Chart.getChart(document.getElementById('topic-trend'))"));
        await session.ScreenshotAsync(admin, "overview-vi");

        await admin.ClickAsync("header .lang a");
        await Assertions.Expect(admin.Locator("h1")).ToContainTextAsync("Overview");
        await session.ScreenshotAsync(admin, "overview-en");
    }
}
