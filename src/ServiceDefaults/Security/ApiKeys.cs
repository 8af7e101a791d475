using System.Security.Cryptography;
using System.Text;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.ServiceDefaults.Security;

/// <summary>API keys are random, shown once, and stored only as their SHA-256 hash.</summary>
public sealed class ApiKeys(Database database, TimeProvider clock)
{
    public sealed record KeyRecord
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = null!;
        public string Scopes { get; init; } = null!;
        public DateTimeOffset? RevokedAt { get; init; }
    }

    public static string NewKey() => "d58_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public async Task<KeyRecord?> FindAsync(string key, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<KeyRecord>(
            "select id, name, scopes, revoked_at as RevokedAt from api_keys where key_hash = @hash", new { hash = Hash(key) });
    }

    public async Task<bool> AnyAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>("select count(*) from api_keys") > 0;
    }

    /// <summary>Stores a key (idempotent on its hash) and returns its id.</summary>
    public async Task<Guid> AddAsync(string name, string key, string scopes, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var id = Guid.NewGuid();
        await connection.ExecuteAsync(
            "insert into api_keys (id, name, key_hash, scopes, created_at) values (@id, @name, @hash, @scopes, @now) on conflict (key_hash) do nothing",
            new { id, name, hash = Hash(key), scopes, now = clock.GetUtcNow() });
        return await connection.ExecuteScalarAsync<Guid>("select id from api_keys where key_hash = @hash", new { hash = Hash(key) });
    }
}
