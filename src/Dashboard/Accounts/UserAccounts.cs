using System.Security.Claims;
using Dapper;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Identity;

namespace Directive58.Dashboard.Accounts;

/// <summary>
/// People who sign in to the dashboard: passwords hashed with ASP.NET Core's hasher, locked for
/// 15 minutes after 5 failed attempts. Each user belongs to a unit and sees only what lies under it.
/// </summary>
public sealed class UserAccounts(Database database, TimeProvider clock)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private static readonly PasswordHasher<string> Hasher = new();

    public sealed record User
    {
        public Guid Id { get; init; }
        public required string UserName { get; init; }
        public required string DisplayName { get; init; }
        public required string PasswordHash { get; init; }
        public required string Role { get; init; }
        public string? UnitKind { get; init; }
        public string? UnitCode { get; init; }
        public long FailedLogins { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
        public long Disabled { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }

    private const string SelectUsers =
        "select id, user_name as UserName, display_name as DisplayName, password_hash as PasswordHash, role, unit_kind as UnitKind, unit_code as UnitCode, failed_logins as FailedLogins, locked_until as LockedUntil, disabled, created_at as CreatedAt from users";

    public enum SignInResult { Success, Invalid, LockedOut }

    public async Task<(SignInResult Result, ClaimsPrincipal? Principal)> CheckPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<User>($"{SelectUsers} where user_name = @userName", new { userName });
        var now = clock.GetUtcNow();
        if (user is null || user.Disabled != 0) return (SignInResult.Invalid, null);
        if (user.LockedUntil > now) return (SignInResult.LockedOut, null);
        if (Hasher.VerifyHashedPassword(user.UserName, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var failed = user.FailedLogins + 1;
            await connection.ExecuteAsync("update users set failed_logins = @failed, locked_until = @locked where id = @Id",
                new { user.Id, failed = failed >= MaxFailedLogins ? 0 : failed, locked = failed >= MaxFailedLogins ? now + LockoutDuration : (DateTimeOffset?)null });
            return (failed >= MaxFailedLogins ? SignInResult.LockedOut : SignInResult.Invalid, null);
        }
        await connection.ExecuteAsync("update users set failed_logins = 0, locked_until = null where id = @Id", new { user.Id });
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()), new(ClaimTypes.Name, user.UserName),
            new("display_name", user.DisplayName), new(ClaimTypes.Role, user.Role),
            new(SessionValidation.SignedInAtClaim, now.ToString("O")),
        };
        if (user.UnitCode is not null) claims.Add(new Claim(Policies.UnitClaim, $"{user.UnitKind}:{user.UnitCode}"));
        return (SignInResult.Success, new ClaimsPrincipal(new ClaimsIdentity(claims, "Cookies")));
    }

    /// <summary>Creates the user, or sets the password and role of an existing one.</summary>
    public async Task UpsertAsync(string userName, string displayName, string password, string role, string? unitKind, string? unitCode, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var hash = Hasher.HashPassword(userName, password);
        await connection.ExecuteAsync(
            """
            insert into users (id, user_name, display_name, password_hash, role, unit_kind, unit_code, failed_logins, created_at)
            values (@id, @userName, @displayName, @hash, @role, @unitKind, @unitCode, 0, @now)
            on conflict (user_name) do update set password_hash = excluded.password_hash, role = excluded.role,
                unit_kind = excluded.unit_kind, unit_code = excluded.unit_code, failed_logins = 0, locked_until = null
            """, new { id = Guid.NewGuid(), userName, displayName, hash, role, unitKind, unitCode, now = clock.GetUtcNow() });
    }

    public async Task<IReadOnlyList<User>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<User>($"{SelectUsers} order by user_name")).ToList();
    }

    /// <summary>Creates a user; false when the name is taken (an administrator never overwrites someone by accident).</summary>
    public async Task<bool> CreateAsync(string userName, string displayName, string password, string role, string? unitKind, string? unitCode, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var inserted = await connection.ExecuteAsync(
            """
            insert into users (id, user_name, display_name, password_hash, role, unit_kind, unit_code, failed_logins, created_at)
            values (@id, @userName, @displayName, @hash, @role, @unitKind, @unitCode, 0, @now)
            on conflict (user_name) do nothing
            """, new { id = Guid.NewGuid(), userName, displayName, hash = Hasher.HashPassword(userName, password), role, unitKind, unitCode, now = clock.GetUtcNow() });
        return inserted == 1;
    }

    public async Task SetDisabledAsync(string userName, bool disabled, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("update users set disabled = @value where user_name = @userName", new { userName, value = disabled ? 1 : 0 });
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>("select count(*) from users") > 0;
    }
}
