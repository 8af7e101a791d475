using Directive58.Classifier.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directive58.Classifier.Learning;

/// <summary>
/// Keeps this instance on the current champion (promoted here or by another instance) and, when
/// `Classifier:Learning:RetrainInterval` is set, retrains on that schedule. Timers use the injected clock.
/// </summary>
public sealed class LearningSchedule(ModelVersions versions, SwappableClassifier current, Retrainer retrainer, IOptions<LearningOptions> options,
    TimeProvider clock, ILogger<LearningSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (current.Current is LinearTextClassifier shipped) await versions.EnsureChampionAsync(shipped, stoppingToken);
        await FollowChampionAsync(stoppingToken);
        var settings = options.Value;
        var poll = Tick(settings.ChampionPollInterval, FollowChampionAsync, stoppingToken);
        var retrain = settings.RetrainInterval > TimeSpan.Zero
            ? Tick(settings.RetrainInterval, async ct => await retrainer.RunAsync(ct), stoppingToken)
            : Task.CompletedTask;
        await Task.WhenAll(poll, retrain);
    }

    /// <summary>Loads the champion recorded in the store when it is not the model in use.</summary>
    public async Task FollowChampionAsync(CancellationToken ct)
    {
        var champion = await versions.ChampionAsync(ct);
        if (champion is not { Content: { } content } || champion.Value.Version == current.ModelVersion) return;
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, content, ct);
            current.Swap(LinearTextClassifier.Load(file));
            logger.LogInformation("Now classifying with model {Version}", champion.Value.Version);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task Tick(TimeSpan every, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(every, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try { await work(ct); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "Learning task failed; it runs again at the next tick"); }
        }
    }
}
