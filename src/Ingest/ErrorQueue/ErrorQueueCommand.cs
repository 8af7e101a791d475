using Directive58.ServiceDefaults.Messaging;
using Microsoft.Extensions.Configuration;

namespace Directive58.Ingest.ErrorQueue;

/// <summary>
/// `dotnet run --project src/Ingest -- errors list | show &lt;queue&gt; [--count N] | replay &lt;queue&gt; [--count N] [--to &lt;queue&gt;]`:
/// what failed after every retry, why, and — once the cause is fixed — back to work. Uses
/// `Bus:RabbitMq:*` and `Bus:RabbitMq:ManagementUrl` (default http://&lt;host&gt;:15672).
/// </summary>
public static class ErrorQueueCommand
{
    private const string Usage = """
        Dùng / usage:
          errors list                                   hàng đợi lỗi và số thông điệp / error queues and their depth
          errors show <queue_error> [--count N]         xem N thông điệp (mặc định 10) / peek at N messages (default 10)
          errors replay <queue_error> [--count N] [--to <queue>]
                                                        chuyển lại về hàng đợi gốc / move back to the input queue
        """;

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, CancellationToken ct = default)
    {
        var bus = configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();
        if (bus.Transport != BusTransport.RabbitMq)
        {
            await output.WriteLineAsync("Bus:Transport không phải RabbitMq: bus trong bộ nhớ không có hàng đợi lỗi bền. Bus:Transport is not RabbitMq; the in-memory bus keeps no error queues.");
            return 2;
        }
        var management = new Uri(configuration["Bus:RabbitMq:ManagementUrl"] ?? $"http://{bus.RabbitMq.Host}:15672");
        using var broker = new ErrorQueueBroker(bus.RabbitMq, management);
        var count = Option(args, "--count") is { } c && int.TryParse(c, out var n) && n > 0 ? n : (int?)null;
        switch (args)
        {
            case ["list", ..]:
                var queues = await broker.ListAsync(ct);
                foreach (var q in queues) await output.WriteLineAsync($"{q.Name}\t{q.Messages}");
                if (queues.Count == 0) await output.WriteLineAsync("(không có hàng đợi lỗi / no error queues)");
                return 0;
            case ["show", var queue, ..]:
                foreach (var m in await broker.PeekAsync(queue, count ?? 10, ct))
                {
                    await output.WriteLineAsync($"message {m.MessageId}  type {m.MessageType}  failed {m.FaultedAt}");
                    await output.WriteLineAsync($"  {m.ExceptionType}: {m.Reason}");
                    await output.WriteLineAsync($"  {(m.Body.Length > 2000 ? m.Body[..2000] + "…" : m.Body)}");
                }
                return 0;
            case ["replay", var queue, ..]:
                var target = Option(args, "--to") ?? ErrorQueueBroker.InputQueueOf(queue);
                var moved = await broker.ReplayAsync(queue, target, count ?? int.MaxValue, ct);
                await output.WriteLineAsync($"Đã chuyển {moved} thông điệp từ {queue} về {target}. Moved {moved} message(s) from {queue} to {target}.");
                return 0;
            default:
                await output.WriteLineAsync(Usage);
                return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
