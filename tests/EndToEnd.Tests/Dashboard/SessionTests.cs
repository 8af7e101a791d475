using System.Net;
using Directive58.Dashboard.Accounts;
using Directive58.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.Dashboard;

/// <summary>Sessions end: 12 hours after sign-in whatever the activity, and soon after the user is disabled.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);
    private readonly ClockedApp _app;

    public SessionTests() => _app = new ClockedApp(_clock);

    public async Task InitializeAsync()
    {
        (await _app.StartAsync()).Dispose();
        await RoleUsers.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_session_ends_twelve_hours_after_sign_in_even_when_used_all_along()
    {
        var officer = await RoleUsers.SignInAsync(_app, "cdcs");
        for (var hour = 0; hour < 11; hour++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Alerts")).StatusCode);
        }
        _clock.Advance(TimeSpan.FromHours(1.5));
        var response = await officer.GetAsync("/Alerts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Disabling_a_user_ends_their_open_session_at_the_next_check_and_forbids_signing_in()
    {
        var officer = await RoleUsers.SignInAsync(_app, "kcn");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/Alerts")).StatusCode);

        await _app.Services.GetRequiredService<UserAccounts>().SetDisabledAsync("kcn", true);
        _clock.Advance(SessionValidation.RecheckEvery + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Alerts")).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => RoleUsers.SignInAsync(_app, "kcn"));
    }

    private sealed class ClockedApp(TimeProvider clock) : EmbeddedApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }
}
