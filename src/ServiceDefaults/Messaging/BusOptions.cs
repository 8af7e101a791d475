namespace Directive58.ServiceDefaults.Messaging;

public enum BusTransport { InMemory, RabbitMq }

/// <summary>`Bus:Transport` and `Bus:RabbitMq:*` (design.md). EndpointPrefix isolates test runs sharing a broker.</summary>
public sealed class BusOptions
{
    public BusTransport Transport { get; set; } = BusTransport.InMemory;
    public RabbitMqOptions RabbitMq { get; set; } = new();
    public string? EndpointPrefix { get; set; }
    public int ConcurrentMessageLimit { get; set; } = 16;
}

public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
    public string VirtualHost { get; set; } = "/";
}
