using System.Net;
using Directive58.Contracts;
using Directive58.EndToEnd.Tests.Support;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.Pipeline;

public sealed class AlertOnDashboardPageTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new(testHarness: true);
    private HttpClient _api = null!;

    public async Task InitializeAsync() => _api = await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_raised_alert_is_listed_on_the_alerts_page_for_a_signed_in_administrator()
    {
        await Reports.PostAsync(_api, Reports.Report("page-1", workplaceCode: "BN-002"));
        Assert.True(await _app.Services.GetRequiredService<ITestHarness>().Published.Any<AlertRaised>(x => x.Context.Message.WorkplaceCode == "BN-002"));

        var browser = await SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword);
        var page = await browser.GetStringAsync("/Alerts");

        Assert.Contains("Báo động: Công ty Linh kiện Seojin", page);
        Assert.Contains("Chưa xác nhận", page);
    }

    [Fact]
    public async Task Pages_send_anonymous_visitors_to_the_login_form()
    {
        using var anonymous = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/Alerts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_five_times_locks_the_account_even_for_the_right_one()
    {
        for (var i = 0; i < 5; i++)
            await Assert.ThrowsAsync<InvalidOperationException>(() => SignIn.AsAsync(_app, "admin", "sai-mat-khau"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => SignIn.AsAsync(_app, "admin", EmbeddedApp.AdminPassword));
    }
}
