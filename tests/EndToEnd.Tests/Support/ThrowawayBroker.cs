using System.Diagnostics;
using RabbitMQ.Client;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>
/// A RabbitMQ node of the test's own — same Debian package as the shared one `.ci/services.sh`
/// starts, but its own node name, ports and data folder — that the test may really stop and start
/// again while other tests keep using the shared node. It runs in the foreground as a child of the
/// test, as the current user, with HOME in its folder so Erlang makes its cookie there. Stopping
/// sends SIGTERM, which the start script passes on to the node: a clean shutdown. A node that does
/// not stop in time, or is still up when the test ends, is killed. The data folder survives a
/// restart, and with it the quorum queues and the messages they confirmed.
/// </summary>
public sealed class ThrowawayBroker : IAsyncDisposable
{
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder;
    private readonly string _node = $"d58outage-{Guid.NewGuid().ToString("N")[..8]}@localhost";
    private readonly int _distributionPort = LoopbackPorts.Free();
    private readonly ChildProcesses _children;
    private Process? _process;

    public static bool Installed => File.Exists(ServerScript);

    public int Port { get; } = LoopbackPorts.Free();

    private ThrowawayBroker(ChildProcesses children)
    {
        _folder = Path.Combine(Path.GetTempPath(), "d58-tests", "rabbitmq-" + Guid.NewGuid().ToString("N")[..12]);
        _children = children;
        Directory.CreateDirectory(_folder);
        // An empty env file keeps /etc/rabbitmq/rabbitmq-env.conf (the shared node's) out; no plugins;
        // warnings and worse to the console, which the children's log captures.
        File.WriteAllText(Path.Combine(_folder, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(_folder, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(_folder, "rabbitmq.conf"), "log.console.level = warning\n");
    }

    /// <summary>Starts a node in a fresh temporary folder and waits until it accepts AMQP connections; its output goes to the children's log.</summary>
    public static async Task<ThrowawayBroker> StartAsync(ChildProcesses children)
    {
        if (!Installed)
            throw new InvalidOperationException($"{ServerScript} not found: install the Debian package rabbitmq-server (bash .ci/services.sh start does).");
        var broker = new ThrowawayBroker(children);
        try
        {
            await broker.StartAgainAsync();
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the node (again: same name, port and data) and waits until it accepts AMQP connections.</summary>
    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("The broker is already running.");
        var start = new ProcessStartInfo(ServerScript) { WorkingDirectory = _folder };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["HOME"] = _folder,
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_folder, "rabbitmq-env.conf"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_folder, "rabbitmq"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_folder, "advanced.config"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_folder, "enabled_plugins"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(_folder, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_NODENAME"] = _node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(),
            // The node registers with the machine's epmd (the shared node's, or one it starts on loopback).
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        }) start.Environment[key] = value;
        _process = _children.Start(start, "rabbitmq");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"RabbitMQ node {_node} exited with {_process.ExitCode} while starting; see {_children.Path}");
            var error = await ConnectionErrorAsync();
            if (error is null)
            {
                _children.Write("test", $"RabbitMQ node {_node} accepts connections on port {Port}");
                return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"RabbitMQ node {_node} did not accept AMQP connections on port {Port} within {StartTimeout} ({error}); see {_children.Path}");
            await Task.Delay(250);
        }
    }

    /// <summary>Stops the node as an operator would (SIGTERM: clean shutdown) and waits until it has exited.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        // The shell's own kill: a minimal Debian has no /bin/kill (procps).
        using (var term = Process.Start("/bin/sh", ["-c", $"kill -TERM {_process.Id}"])) await term.WaitForExitAsync();
        using var patience = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            _children.Write("test", $"RabbitMQ node {_node} did not stop within {StopTimeout}; killed");
            _process.Kill(entireProcessTree: true);
        }
        _children.Write("test", $"RabbitMQ node {_node} stopped");
    }

    /// <summary>Null once an AMQP connection opens (guest, default virtual host); otherwise why not.</summary>
    private async Task<string?> ConnectionErrorAsync()
    {
        try
        {
            var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = Port, RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
            await using var connection = await factory.CreateConnectionAsync();
            return null;
        }
        catch (Exception ex)
        {
            return ex.Message;
        }
    }

    public ValueTask DisposeAsync()
    {
        // A kill cannot hang; a clean stop is not needed for a node whose data is deleted next.
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
        try { Directory.Delete(_folder, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A test on the real PostgreSQL with a RabbitMQ node of its own: skipped with the reason when
/// PostgreSQL is not configured or RabbitMQ's Debian package is not installed; with
/// D58_REQUIRE_SERVERS=1 (as in CI) it runs and fails loudly instead.
/// </summary>
public sealed class ThrowawayBrokerFactAttribute : FactAttribute
{
    public ThrowawayBrokerFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("D58_REQUIRE_SERVERS") == "1") return;
        if (string.IsNullOrEmpty(RealServers.PostgresConnectionString))
            Skip = "PostgreSQL not configured: set D58_TEST_POSTGRES, or run `bash .ci/run`.";
        else if (!ThrowawayBroker.Installed)
            Skip = $"RabbitMQ is not installed ({ThrowawayBroker.ServerScript}): the test starts and stops a node of its own. Install the Debian package rabbitmq-server, or run `bash .ci/run`.";
    }
}
