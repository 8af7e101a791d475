using MassTransit;

namespace Directive58.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit's <c>WaitForHealthStatus</c> (which takes no cancellation token) made cancellable, as a scheduled job needs it:
/// a job waiting for a broken bus must let the host stop at once (Quartz waits for running jobs),
/// not hold a watchdog restart for the whole wait.
/// </summary>
public static class BusReadiness
{
    public static async Task<bool> WaitUntilHealthyAsync(this IBusControl bus, TimeSpan within, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(within);
        try
        {
            while (bus.CheckHealth().Status != BusHealthStatus.Healthy) await Task.Delay(100, deadline.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
