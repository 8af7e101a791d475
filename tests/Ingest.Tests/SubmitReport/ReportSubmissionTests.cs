using Dapper;
using Directive58.Ingest.SubmitReport;
using Directive58.Ingest.Tests.Support;
using Directive58.ServiceDefaults.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Directive58.Ingest.Tests.SubmitReport;

/// <summary>Submitting on a SQLite store and a bus that never confirms a publish, as RabbitMQ while it is down.</summary>
public sealed class ReportSubmissionTests : IAsyncLifetime
{
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private IngestStore _store = null!;
    private readonly BrokerAway _away = new();

    public async Task InitializeAsync()
    {
        _provider = new ServiceCollection()
            .AddMassTransitTestHarness(x => x.UsingInMemory((context, cfg) =>
            {
                cfg.ConfigurePublish(p => p.UseFilter(_away));
                cfg.ConfigureEndpoints(context);
            }))
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _store = await IngestStore.CreateAsync();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task A_report_whose_publish_is_never_confirmed_is_accepted_after_the_publish_timeout_and_left_to_the_sweeper()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
        var submission = new ReportSubmission(_store.Database, _harness.Bus, clock, new PrometheusMetrics(), NullLogger<ReportSubmission>.Instance);

        var submitting = submission.SubmitAsync(new NewReport("away-1", "BN-005", "nợ lương hai tháng", "app", null, null));
        await _away.Publishing.Task.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(ReportSubmission.PublishTimeout - TimeSpan.FromMilliseconds(1));
        var answeredEarly = submitting.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var accepted = await submitting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(answeredEarly, "answered before the publish timed out");
        Assert.Equal("received", accepted.Status);
        await using var connection = await _store.Database.OpenAsync();
        Assert.Equal("received", await connection.ExecuteScalarAsync<string>("select status from reports where id = @Id", new { accepted.Id }));
    }

    /// <summary>Holds every publish until it is cancelled, as MassTransit 8.4 does while RabbitMQ is unreachable.</summary>
    private sealed class BrokerAway : IFilter<PublishContext>
    {
        public TaskCompletionSource Publishing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Send(PublishContext context, IPipe<PublishContext> next)
        {
            Publishing.TrySetResult();
            return Task.Delay(Timeout.Infinite, context.CancellationToken);
        }

        public void Probe(ProbeContext context) { }
    }
}
