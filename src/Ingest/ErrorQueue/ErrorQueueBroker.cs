using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directive58.ServiceDefaults.Messaging;
using RabbitMQ.Client;

namespace Directive58.Ingest.ErrorQueue;

/// <summary>
/// Talks to RabbitMQ about `_error` queues: the management HTTP API lists queues and peeks at
/// messages (peeking requeues them); AMQP (RabbitMQ.Client, which MassTransit.RabbitMQ brings)
/// moves them back, publishing each to its input queue with a publisher confirm before acking
/// it off the error queue, so a crash mid-replay duplicates at worst — never loses.
/// </summary>
public sealed class ErrorQueueBroker(RabbitMqOptions rabbit, Uri management) : IDisposable
{
    public const string Suffix = "_error";
    private static readonly string[] FaultHeaderPrefixes = ["MT-Fault-", "MT-Reason"];
    private readonly HttpClient _http = CreateHttp(rabbit, management);

    public sealed record QueueDepth(string Name, long Messages);

    public sealed record FailedMessage(string? MessageId, string? MessageType, string? Reason, string? ExceptionType, string? FaultedAt, string Body);

    private string VirtualHost => Uri.EscapeDataString(rabbit.VirtualHost);

    public async Task<IReadOnlyList<QueueDepth>> ListAsync(CancellationToken ct)
    {
        var queues = await _http.GetFromJsonAsync<JsonElement[]>($"api/queues/{VirtualHost}?columns=name,messages", ct) ?? [];
        return queues
            .Select(q => new QueueDepth(q.GetProperty("name").GetString()!, q.TryGetProperty("messages", out var m) && m.ValueKind == JsonValueKind.Number ? m.GetInt64() : 0))
            .Where(q => q.Name.EndsWith(Suffix, StringComparison.Ordinal))
            .OrderBy(q => q.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<FailedMessage>> PeekAsync(string queue, int count, CancellationToken ct)
    {
        var response = await _http.PostAsJsonAsync($"api/queues/{VirtualHost}/{Uri.EscapeDataString(queue)}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto", truncate = 20_000 }, ct);
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement[]>(ct) ?? [];
        return messages.Select(m =>
        {
            var properties = m.GetProperty("properties");
            var headers = properties.TryGetProperty("headers", out var h) ? h : default;
            string? Header(string name) => headers.ValueKind == JsonValueKind.Object && headers.TryGetProperty(name, out var v) ? v.ToString() : null;
            return new FailedMessage(
                properties.TryGetProperty("message_id", out var id) ? id.GetString() : null,
                properties.TryGetProperty("type", out var type) ? type.GetString() : null,
                Header("MT-Fault-Message"), Header("MT-Fault-ExceptionType"), Header("MT-Fault-Timestamp"),
                m.GetProperty("payload").GetString() ?? "");
        }).ToList();
    }

    /// <summary>Moves up to <paramref name="count"/> messages from an error queue back to its input queue; returns how many.</summary>
    public async Task<int> ReplayAsync(string queue, string target, int count, CancellationToken ct)
    {
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host, Port = rabbit.Port, UserName = rabbit.Username, Password = rabbit.Password, VirtualHost = rabbit.VirtualHost,
            ClientProvidedName = "d58-errors-replay",
        };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), ct);
        var moved = 0;
        while (moved < count)
        {
            var delivery = await channel.BasicGetAsync(queue, autoAck: false, ct);
            if (delivery is null) break;
            var properties = new BasicProperties(delivery.BasicProperties);
            if (properties.Headers is { } headers)
                foreach (var name in headers.Keys.Where(k => FaultHeaderPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
                    headers.Remove(name);
            // With confirmation tracking on, this returns once the broker has the message (or throws).
            await channel.BasicPublishAsync("", target, mandatory: true, properties, delivery.Body, ct);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }

    public static string InputQueueOf(string errorQueue) =>
        errorQueue.EndsWith(Suffix, StringComparison.Ordinal) ? errorQueue[..^Suffix.Length] : throw new ArgumentException($"{errorQueue} is not an {Suffix} queue");

    public void Dispose() => _http.Dispose();

    private static HttpClient CreateHttp(RabbitMqOptions rabbit, Uri management)
    {
        var http = new HttpClient { BaseAddress = new Uri(management.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rabbit.Username}:{rabbit.Password}")));
        return http;
    }
}
