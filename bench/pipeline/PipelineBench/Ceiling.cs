using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.Bench.Pipeline;

/// <summary>
/// The bus's ceiling for this pipeline: MassTransit publish → consume of a small message, concurrent
/// publishing, an empty consumer; on the same RabbitMQ (quorum queue, publisher confirms) or, with
/// `--rabbit inmemory`, on the in-memory transport of the embedded default. A report crosses the bus
/// four times (ReportSubmitted once, ReportClassified to three consumers), so a quarter of this rate
/// bounds the pipeline before any of its own work.
/// </summary>
public static class Ceiling
{
    public sealed record Ping(Guid Id, string WorkplaceCode, string Text);

    private static readonly TaskCompletionSource Done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static int _consumed;
    private static int _expected;

    public sealed class PingConsumer : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            if (Interlocked.Increment(ref _consumed) == _expected) Done.TrySetResult();
            return Task.CompletedTask;
        }
    }

    public static async Task<int> RunAsync(Options o)
    {
        _expected = o.Int("count", 50_000);
        var inMemory = o["rabbit"] == "inmemory";
        var (host, port) = o["rabbit"].Split(':') is [var h, var p] ? (h, ushort.Parse(p)) : (o["rabbit"], (ushort)5672);
        var services = new ServiceCollection().AddMassTransit(bus =>
        {
            bus.AddConsumer<PingConsumer>().Endpoint(e => e.ConcurrentMessageLimit = 16);
            if (inMemory)
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context, new DefaultEndpointNameFormatter(false)));
                return;
            }
            bus.AddConfigureEndpointsCallback((_, e) => { if (e is IRabbitMqReceiveEndpointConfigurator r) r.SetQuorumQueue(); });
            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(host, port, o["vhost"], c => { c.Username("guest"); c.Password("guest"); });
                cfg.ConfigureEndpoints(context, new DefaultEndpointNameFormatter(false));
            });
        }).BuildServiceProvider();
        var control = services.GetRequiredService<IBusControl>();
        await control.StartAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, _expected), new ParallelOptions { MaxDegreeOfParallelism = 64 },
                async (i, ct) => await control.Publish(new Ping(Guid.NewGuid(), "BN-005", "ngừng việc tập thể"), ct));
            var published = clock.Elapsed;
            await Done.Task.WaitAsync(TimeSpan.FromMinutes(5));
            Console.WriteLine($"MassTransit publish→consume on {(inMemory ? "the in-memory transport" : "RabbitMQ")}: {_expected} messages, published in {published.TotalSeconds:F1} s, " +
                              $"consumed in {clock.Elapsed.TotalSeconds:F1} s = {_expected / clock.Elapsed.TotalSeconds:F0} msg/s");
            return 0;
        }
        finally
        {
            await control.StopAsync();
        }
    }
}
