using System.Threading.Channels;

namespace Directive58.Dashboard.Live;

/// <summary>An event for browsers: its SSE event name, the workplace it concerns, and a JSON payload.</summary>
public sealed record LiveEvent(string Name, string WorkplaceCode, object Data);

/// <summary>
/// Fans bus events out to every connected browser (shape of eShop's OrderStatusNotificationService).
/// Each subscriber has a bounded channel; a slow browser loses old events rather than slowing the bus.
/// </summary>
public sealed class LiveNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Channel<LiveEvent>> _subscribers = [];

    public int SubscriberCount { get { lock (_gate) return _subscribers.Count; } }

    public ChannelReader<LiveEvent> Subscribe(CancellationToken until)
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _subscribers.Add(channel);
        until.Register(() =>
        {
            lock (_gate) _subscribers.Remove(channel);
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public void Publish(LiveEvent live)
    {
        lock (_gate)
            foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(live);
    }
}
