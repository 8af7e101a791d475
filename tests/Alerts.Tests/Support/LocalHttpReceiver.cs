using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Directive58.Alerts.Tests.Support;

/// <summary>A webhook receiver or SMS gateway on 127.0.0.1: records each request and answers with the status the test chose.</summary>
public sealed class LocalHttpReceiver : IAsyncDisposable
{
    public sealed record Received(string Path, byte[] Body, IReadOnlyDictionary<string, string> Headers);

    private readonly WebApplication _app;

    private LocalHttpReceiver(WebApplication app) => _app = app;

    public List<Received> Requests { get; } = [];

    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public string Url(string path) => _app.Urls.First().TrimEnd('/') + path;

    public static async Task<LocalHttpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LocalHttpReceiver(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            lock (receiver.Requests)
                receiver.Requests.Add(new Received(context.Request.Path, body.ToArray(), context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            context.Response.StatusCode = (int)receiver.Answer;
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
