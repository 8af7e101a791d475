using System.Runtime.CompilerServices;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>Says once, on the console, why the real-server tests will be skipped on this machine.</summary>
internal static class SkipNotice
{
    [ModuleInitializer]
    internal static void Print()
    {
        if (!RealServers.Available && Environment.GetEnvironmentVariable("D58_REQUIRE_SERVERS") != "1")
            Console.Error.WriteLine("[d58] SKIP real-server tests: D58_TEST_POSTGRES / D58_TEST_RABBITMQ are not set (run `bash .ci/run` to start PostgreSQL and RabbitMQ).");
        else if (!ThrowawayBroker.Installed && Environment.GetEnvironmentVariable("D58_REQUIRE_SERVERS") != "1")
            Console.Error.WriteLine($"[d58] SKIP broker-outage test: RabbitMQ is not installed here ({ThrowawayBroker.ServerScript}); the test starts and stops a node of its own.");
    }
}
