using System.Diagnostics;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>
/// One service as its own process, started as deploy/debian's units start it (`Ingest worker --urls
/// …`, configuration in the environment) from the build output the test project references, and
/// started again a second after it exits, like systemd's `Restart=always` (the bus watchdog stops a
/// service whose broker link cannot heal). It keeps its port across restarts.
/// </summary>
public sealed class SupervisedService : IAsyncDisposable
{
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);

    private readonly string _assembly;
    private readonly ChildProcesses _children;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _folder;
    private readonly CancellationTokenSource _closing = new();
    private Task _supervising = Task.CompletedTask;
    private Process? _current;

    /// <param name="assembly">The service's entry assembly beside the tests (Ingest, Classifier, Alerts).</param>
    public SupervisedService(string assembly, ChildProcesses children, IReadOnlyDictionary<string, string?> settings)
    {
        _assembly = Path.Combine(AppContext.BaseDirectory, assembly + ".dll");
        if (!File.Exists(_assembly)) throw new FileNotFoundException($"{_assembly} is not in the test's output: does EndToEnd.Tests reference src/{assembly}?");
        _children = children;
        _settings = settings;
        Name = assembly.ToLowerInvariant();
        // Its working directory: whatever a service writes relative to it stays out of the repository.
        _folder = Path.Combine(Path.GetTempPath(), "d58-tests", $"{Name}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(_folder);
        Url = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
    }

    public string Name { get; }
    public Uri Url { get; }
    public int Restarts { get; private set; }

    public void Start() => _supervising = SuperviseAsync(_closing.Token);

    private async Task SuperviseAsync(CancellationToken closing)
    {
        while (true)
        {
            var start = new ProcessStartInfo(DotnetHost) { WorkingDirectory = _folder, ArgumentList = { _assembly, "worker", "--urls", Url.ToString() } };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            foreach (var (key, value) in _settings) start.Environment[key.Replace(":", "__")] = value;
            _current = _children.Start(start, $"{Name}#{Restarts}");
            try
            {
                await _current.WaitForExitAsync(closing);
                _children.Write("supervisor", $"{Name}#{Restarts} exited with code {_current.ExitCode}; starting it again in {RestartDelay.TotalSeconds:0} s");
                Restarts++;
                await Task.Delay(RestartDelay, closing);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>The `dotnet` running the tests runs the services too.</summary>
    private static string DotnetHost =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _supervising;
        if (_current is { HasExited: false }) _current.Kill(entireProcessTree: true);
        _current?.WaitForExit(10_000);
        try { Directory.Delete(_folder, recursive: true); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
