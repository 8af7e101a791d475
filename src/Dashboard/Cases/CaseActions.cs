using System.Security.Claims;
using Directive58.Contracts;
using Directive58.Dashboard.Accounts;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using MassTransit;

namespace Directive58.Dashboard.Cases;

/// <summary>
/// What an officer can do about a case, sent as commands to Alerts (which owns the tables). Each
/// checks that the alert or hot spot lies in the user's unit first; false means "not yours" (404).
/// The pages update when Alerts publishes the result, through the live feed.
/// </summary>
public sealed class CaseActions(Database database, IPublishEndpoint bus, TimeProvider clock)
{
    public static bool MayAct(ClaimsPrincipal user) => Roles.Officers.Any(user.IsInRole);

    public async Task<bool> AcknowledgeAsync(ClaimsPrincipal user, Guid alertId, CancellationToken ct)
    {
        if (!await InScopeAsync(user, "select workplace_code from alerts where id = @id", alertId, ct)) return false;
        await bus.Publish(new AcknowledgeAlert(alertId, Name(user), clock.GetUtcNow()), ct);
        return true;
    }

    public async Task<bool> AssignAsync(ClaimsPrincipal user, Guid hotSpotId, string assignedTo, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(assignedTo) || !await HotSpotInScopeAsync(user, hotSpotId, ct)) return false;
        await bus.Publish(new AssignCase(hotSpotId, assignedTo.Trim(), Name(user), clock.GetUtcNow()), ct);
        return true;
    }

    public async Task<bool> NoteAsync(ClaimsPrincipal user, Guid hotSpotId, string note, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(note) || !await HotSpotInScopeAsync(user, hotSpotId, ct)) return false;
        await bus.Publish(new AddCaseNote(hotSpotId, note.Trim()[..Math.Min(note.Trim().Length, 2000)], Name(user), clock.GetUtcNow()), ct);
        return true;
    }

    public async Task<bool> ResolveAsync(ClaimsPrincipal user, Guid hotSpotId, string outcome, string? note, CancellationToken ct)
    {
        if (!Outcomes.IsKnown(outcome) || !await HotSpotInScopeAsync(user, hotSpotId, ct)) return false;
        await bus.Publish(new ResolveHotSpot(hotSpotId, outcome, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), Name(user), clock.GetUtcNow()), ct);
        return true;
    }

    public async Task<bool> ReopenAsync(ClaimsPrincipal user, Guid hotSpotId, string reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || !await HotSpotInScopeAsync(user, hotSpotId, ct)) return false;
        await bus.Publish(new ReopenHotSpot(hotSpotId, reason.Trim(), Name(user), clock.GetUtcNow()), ct);
        return true;
    }

    private Task<bool> HotSpotInScopeAsync(ClaimsPrincipal user, Guid id, CancellationToken ct) =>
        InScopeAsync(user, "select workplace_code from hotspots where id = @id", id, ct);

    private async Task<bool> InScopeAsync(ClaimsPrincipal user, string sql, Guid id, CancellationToken ct) =>
        MayAct(user) && await ScopeFilter.SeesAsync(database, user, sql, new { id }, ct);

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
