using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>
/// The processes a test starts (a broker, services): their output goes, line by line and named, to
/// one log file for diagnosis, and every one still running is killed with its children when this
/// is disposed — or when the test process exits, should a test be abandoned at its timeout. Killing
/// cannot hang, unlike stopping a host in the test's own process.
/// </summary>
public sealed class ChildProcesses : IDisposable
{
    private readonly object _gate = new();
    private readonly List<Process> _started = [];
    private readonly StreamWriter _log;
    private bool _closed;

    public ChildProcesses(string logPath)
    {
        Path = logPath;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(logPath)!);
        _log = new StreamWriter(new FileStream(logPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        AppDomain.CurrentDomain.ProcessExit += KillAll;
    }

    public string Path { get; }

    /// <summary>Starts a process whose output is logged as <paramref name="name"/>.</summary>
    public Process Start(ProcessStartInfo start, string name)
    {
        start.UseShellExecute = false;
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Write(name, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Write(name, e.Data); };
        lock (_gate)
        {
            process.Start();
            _started.Add(process);
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Write("test", $"started {name} (pid {process.Id})");
        return process;
    }

    public void Write(string source, string line)
    {
        lock (_gate)
            if (!_closed) _log.WriteLine($"{DateTime.Now:HH:mm:ss.fff} {source,-13} | {line}");
    }

    /// <summary>The last lines of the log, without stack frames (the file has them).</summary>
    public string Tail(int lines)
    {
        using var reader = new StreamReader(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var last = new Queue<string>();
        while (reader.ReadLine() is { } line)
        {
            var message = line[(line.IndexOf(" | ", StringComparison.Ordinal) + 3)..].TrimStart();
            if (message.StartsWith("at ", StringComparison.Ordinal) || message.StartsWith("--- End of", StringComparison.Ordinal)) continue;
            last.Enqueue(line);
            if (last.Count > lines) last.Dequeue();
        }
        return string.Join(Environment.NewLine, last);
    }

    private void KillAll(object? sender, EventArgs e)
    {
        lock (_gate)
            foreach (var process in _started)
            {
                try { if (!process.HasExited) process.Kill(entireProcessTree: true); }
                catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception) { }
            }
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillAll;
        KillAll(null, EventArgs.Empty);
        Process[] started;
        lock (_gate) started = [.. _started];
        // Outside the lock: their last lines are still being written.
        foreach (var process in started)
        {
            process.WaitForExit(10_000);
            process.Dispose();
        }
        lock (_gate)
        {
            _closed = true;
            _log.Dispose();
        }
    }
}

/// <summary>Free TCP ports on 127.0.0.1 for servers a test starts and restarts.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A port that is free now, below Linux's ephemeral range (32768 and up by default): a stopped
    /// server gets its port back on restart, as no outgoing connection can have been given it meanwhile.
    /// </summary>
    public static int Free()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 100) { }
        }
    }
}
