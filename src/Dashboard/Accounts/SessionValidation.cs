using System.Security.Claims;
using Dapper;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Directive58.Dashboard.Accounts;

/// <summary>
/// Sessions expire: besides the cookie's sliding idle timeout, a session ends 12 hours after sign-in
/// whatever the activity, and every few minutes it is checked against the users table so a disabled
/// user, or one whose role or unit changed, is signed out at once rather than at the cookie's end.
/// </summary>
public static class SessionValidation
{
    public const string SignedInAtClaim = "signed_in_at";
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);
    public static readonly TimeSpan RecheckEvery = TimeSpan.FromMinutes(5);
    private const string CheckedAtKey = "d58.checked_at";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var user = context.Principal!;
        if (!DateTimeOffset.TryParse(user.FindFirstValue(SignedInAtClaim), out var signedInAt) || now - signedInAt > AbsoluteLifetime)
        {
            await RejectAsync(context);
            return;
        }
        if (DateTimeOffset.TryParse(context.Properties.GetString(CheckedAtKey), out var checkedAt) && now - checkedAt < RecheckEvery) return;
        var database = context.HttpContext.RequestServices.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(context.HttpContext.RequestAborted);
        var current = await connection.QuerySingleOrDefaultAsync<Current>(
            "select role, unit_kind as UnitKind, unit_code as UnitCode, disabled from users where user_name = @name", new { name = user.Identity?.Name });
        var unit = current?.UnitCode is null ? null : $"{current.UnitKind}:{current.UnitCode}";
        if (current is null || current.Disabled != 0 || !user.IsInRole(current.Role) || user.FindFirstValue(ServiceDefaults.Security.Policies.UnitClaim) != unit)
        {
            await RejectAsync(context);
            return;
        }
        context.Properties.SetString(CheckedAtKey, now.ToString("O"));
        context.ShouldRenew = true;
    }

    private sealed record Current
    {
        public string Role { get; init; } = null!;
        public string? UnitKind { get; init; }
        public string? UnitCode { get; init; }
        public long Disabled { get; init; }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
