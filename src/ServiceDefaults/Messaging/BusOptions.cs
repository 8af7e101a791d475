namespace Directive58.ServiceDefaults.Messaging;

public enum BusTransport { InMemory, RabbitMq }

/// <summary>`Bus:Transport` and `Bus:RabbitMq:*` (design.md). EndpointPrefix isolates test runs sharing a broker.</summary>
public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;
    public RabbitMqOptions RabbitMq { get; set; } = new();
    public string? EndpointPrefix { get; set; }
    public int ConcurrentMessageLimit { get; set; } = 16;
    public RetryOptions Retry { get; set; } = new();
    public WatchdogOptions Watchdog { get; set; } = new();
}

/// <summary>`Bus:Watchdog:*`: how long the bus may stay unhealthy before <see cref="BusWatchdog"/> stops the process.</summary>
public sealed class WatchdogOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan StopAfter { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>`Bus:Retry:*`: exponential backoff before a message goes to its `_error` queue (about 11 s in all by default).</summary>
public sealed class RetryOptions
{
    public int Limit { get; set; } = 5;
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan Delta { get; set; } = TimeSpan.FromMilliseconds(400);
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
    public string VirtualHost { get; set; } = "/";
}
