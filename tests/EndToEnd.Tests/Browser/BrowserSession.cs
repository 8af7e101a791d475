using Directive58.EndToEnd.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Directive58.EndToEnd.Tests.Browser;

/// <summary>
/// The embedded app on a real loopback port (Kestrel) with the demo registry and one user per role,
/// and headless Chromium driven by Playwright. Screenshots go to TestResults/screenshots as artifacts.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public static readonly string ScreenshotFolder = Environment.GetEnvironmentVariable("D58_SCREENSHOTS")
        ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    public EmbeddedApp App { get; } = new BrowserApp();
    public HttpClient Api { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        if (!BrowserFactAttribute.Available) return;
        App.UseKestrel(0);
        Api = await App.StartAsync();
        await RoleUsers.CreateAsync(App);
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>A fresh browser context (its own cookies) signed in as this user; phone-sized when asked.</summary>
    public async Task<IPage> SignInAsync(string userName, string password = RoleUsers.Password, bool phone = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            Locale = "vi-VN",
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/Login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Login", StringComparison.OrdinalIgnoreCase));
        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    /// <summary>
    /// Serves wwwroot as `dotnet run` does: outside Development the static-asset manifest points at
    /// published files, so the build's manifest (site.css, the chart library restored from npm) is used.
    /// </summary>
    private sealed class BrowserApp : EmbeddedApp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseStaticWebAssets();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
