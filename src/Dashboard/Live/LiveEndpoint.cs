using System.Text.Json;
using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Dashboard.Live;

/// <summary>`GET /live`: Server-Sent Events of the user's unit, so pages update without reloading.</summary>
public static class LiveEndpoint
{
    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/live", async (HttpContext http, LiveNotifier notifier, Database database, CancellationToken ct) =>
        {
            IReadOnlySet<string>? visible;
            await using (var connection = await database.OpenAsync(ct)) visible = await UnitScope.WorkplacesAsync(connection, http.User);
            http.Response.Headers.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.WriteAsync(": connected\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            try
            {
                await foreach (var live in notifier.Subscribe(ct).ReadAllAsync(ct))
                {
                    if (visible is not null && !visible.Contains(live.WorkplaceCode)) continue;
                    await http.Response.WriteAsync($"event: {live.Name}\ndata: {JsonSerializer.Serialize(live.Data, JsonSerializerOptions.Web)}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException) { }
        }).RequireAuthorization(Policies.Read);
        return app;
    }
}
