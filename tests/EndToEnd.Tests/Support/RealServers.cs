using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>
/// A test that needs the real PostgreSQL and RabbitMQ that `.ci/run` starts. Without their addresses
/// (D58_TEST_POSTGRES, D58_TEST_RABBITMQ) it is skipped with that reason, so `dotnet test` passes on a
/// bare machine; with D58_REQUIRE_SERVERS=1 (as in CI) it runs and fails loudly instead.
/// </summary>
public sealed class RealServersFactAttribute : FactAttribute
{
    public RealServersFactAttribute()
    {
        if (RealServers.Available || Environment.GetEnvironmentVariable("D58_REQUIRE_SERVERS") == "1") return;
        Skip = "PostgreSQL/RabbitMQ not configured: set D58_TEST_POSTGRES and D58_TEST_RABBITMQ, or run `bash .ci/run`.";
    }
}

/// <summary>
/// A private database and RabbitMQ virtual host per test, created on the real servers and dropped
/// after; only the database for a test that brings a broker of its own (<see cref="ThrowawayBroker"/>).
/// </summary>
public sealed class RealServers : IAsyncDisposable
{
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("D58_TEST_POSTGRES");
    public static string? RabbitMqAddress => Environment.GetEnvironmentVariable("D58_TEST_RABBITMQ");
    public static string RabbitMqManagement => Environment.GetEnvironmentVariable("D58_TEST_RABBITMQ_MANAGEMENT") ?? "http://127.0.0.1:15672";
    public static bool Available => !string.IsNullOrEmpty(PostgresConnectionString) && !string.IsNullOrEmpty(RabbitMqAddress);

    private static readonly HttpClient Management = CreateManagementClient();
    private readonly string _name = "d58_" + Guid.NewGuid().ToString("N")[..12];
    private readonly bool _virtualHost;

    private RealServers(bool virtualHost) => _virtualHost = virtualHost;

    public static async Task<RealServers> CreateAsync(bool virtualHost = true)
    {
        if (virtualHost ? !Available : string.IsNullOrEmpty(PostgresConnectionString))
            throw new InvalidOperationException($"{(virtualHost ? "D58_TEST_POSTGRES and D58_TEST_RABBITMQ" : "D58_TEST_POSTGRES")} must be set (bash .ci/run sets them).");
        var servers = new RealServers(virtualHost);
        await using (var admin = new NpgsqlConnection(PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {servers._name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        if (!virtualHost) return servers;
        (await Management.PutAsync($"api/vhosts/{servers._name}", null)).EnsureSuccessStatusCode();
        (await Management.PutAsync($"api/permissions/{servers._name}/guest",
            new StringContent("{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return servers;
    }

    /// <summary>Configuration that points any host at this database and virtual host.</summary>
    public Dictionary<string, string?> Settings(Dictionary<string, string?>? extra = null)
    {
        var (host, port) = RabbitMqAddress!.Split(':') is [var h, var p] ? (h, p) : (RabbitMqAddress!, "5672");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = ConnectionString,
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = host,
            ["Bus:RabbitMq:Port"] = port,
            ["Bus:RabbitMq:VirtualHost"] = _name,
            ["Bus:RabbitMq:ManagementUrl"] = RabbitMqManagement,
        };
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        return settings;
    }

    public string Name => _name;

    /// <summary>This test's database.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresConnectionString) { Database = _name }.ConnectionString;

    /// <summary>PostgreSQL refuses new connections to this test's database and ends the open ones.</summary>
    public async Task RefuseDatabaseAsync()
    {
        await using var admin = new NpgsqlConnection(PostgresConnectionString);
        await admin.OpenAsync();
        await using var refuse = new NpgsqlCommand($"alter database {_name} allow_connections false", admin);
        await refuse.ExecuteNonQueryAsync();
        await using var terminate = new NpgsqlCommand("select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = @name and pid <> pg_backend_pid()", admin);
        terminate.Parameters.AddWithValue("name", _name);
        await terminate.ExecuteScalarAsync();
    }

    public async Task AllowDatabaseAsync()
    {
        await using var admin = new NpgsqlConnection(PostgresConnectionString);
        await admin.OpenAsync();
        await using var allow = new NpgsqlCommand($"alter database {_name} allow_connections true", admin);
        await allow.ExecuteNonQueryAsync();
    }

    /// <summary>Messages ready or unacknowledged in a queue of this virtual host (0 when it does not exist yet); the broker refreshes this every few seconds.</summary>
    public async Task<long> QueueDepthAsync(string queue)
    {
        var response = await Management.GetAsync($"api/queues/{_name}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return 0;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(PostgresConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {_name} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        if (_virtualHost) await Management.DeleteAsync($"api/vhosts/{_name}");
    }

    private static HttpClient CreateManagementClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(RabbitMqManagement.TrimEnd('/') + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return client;
    }
}
