using System.Security.Cryptography;
using System.Text;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.ServiceDefaults.Security;

/// <summary>
/// API keys are random, shown once, and stored only as their SHA-256 hash. A client (the key's
/// name) may hold several keys — one per installation, or old and new during a rotation — and
/// each can be revoked alone.
/// </summary>
public sealed class ApiKeys(Database database, TimeProvider clock)
{
    public sealed record KeyRecord
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = null!;
        public string Scopes { get; init; } = null!;
        public int? RatePerSecond { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
    }

    private const string Columns = "id, name, scopes, rate_per_second as RatePerSecond, created_at as CreatedAt, revoked_at as RevokedAt";

    public static string NewKey() => "d58_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public async Task<KeyRecord?> FindAsync(string key, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<KeyRecord>($"select {Columns} from api_keys where key_hash = @hash", new { hash = Hash(key) });
    }

    public async Task<IReadOnlyList<KeyRecord>> ListAsync(string? name, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<KeyRecord>(
            $"select {Columns} from api_keys where @name is null or name = @name order by name, created_at", new { name })).ToList();
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>("select count(*) from api_keys") > 0;
    }

    /// <summary>Stores a key (idempotent on its hash) and returns its id.</summary>
    public async Task<Guid> AddAsync(string name, string key, string scopes, CancellationToken ct = default, int? ratePerSecond = null)
    {
        await using var connection = await database.OpenAsync(ct);
        var id = Guid.NewGuid();
        await connection.ExecuteAsync(
            """
            insert into api_keys (id, name, key_hash, scopes, rate_per_second, created_at) values (@id, @name, @hash, @scopes, @ratePerSecond, @now)
            on conflict (key_hash) do nothing
            """, new { id, name, hash = Hash(key), scopes, ratePerSecond, now = clock.GetUtcNow() });
        return await connection.ExecuteScalarAsync<Guid>("select id from api_keys where key_hash = @hash", new { hash = Hash(key) });
    }

    /// <summary>Revokes a key; returns its hash (so callers can drop it from caches), or null when no such key exists.</summary>
    public async Task<string?> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("update api_keys set revoked_at = @now where id = @id and revoked_at is null", new { id, now = clock.GetUtcNow() });
        return await connection.ExecuteScalarAsync<string?>("select key_hash from api_keys where id = @id", new { id });
    }
}
