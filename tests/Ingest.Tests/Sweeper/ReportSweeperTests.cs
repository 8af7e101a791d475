using Dapper;
using Directive58.Contracts;
using Directive58.Ingest.Sweeper;
using Directive58.Ingest.Tests.Support;
using Directive58.ServiceDefaults.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Directive58.Ingest.Tests.Sweeper;

/// <summary>The sweep step on a SQLite store, a manual clock and MassTransit's test harness.</summary>
public sealed class ReportSweeperTests : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private IngestStore _store = null!;
    private ReportSweeper _sweeper = null!;

    public async Task InitializeAsync()
    {
        _provider = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _store = await IngestStore.CreateAsync();
        _sweeper = new ReportSweeper(_store.Database, _harness.Bus, _clock, Options.Create(new SweeperOptions { Grace = Grace }),
            new PrometheusMetrics(), NullLogger<ReportSweeper>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task A_report_unclassified_past_the_grace_period_is_published_again_with_its_id_as_correlation()
    {
        var id = await StoreAsync("waiting", "received");
        _clock.Advance(Grace + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await _sweeper.SweepAsync());

        var published = _harness.Published.Select<ReportSubmitted>().Single();
        Assert.Equal(id, published.Context.Message.ReportId);
        Assert.Equal(id, published.Context.CorrelationId);
        Assert.Equal(id, published.Context.ConversationId);
    }

    [Fact]
    public async Task A_report_within_the_grace_period_or_already_classified_is_left_alone()
    {
        await StoreAsync("classified", "classified");
        _clock.Advance(Grace - TimeSpan.FromSeconds(1));
        await StoreAsync("fresh", "received");
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, await _sweeper.SweepAsync());
        Assert.Empty(_harness.Published.Select<ReportSubmitted>());
    }

    [Fact]
    public async Task A_swept_report_waits_another_grace_period_before_it_is_published_again()
    {
        await StoreAsync("slow", "received");
        _clock.Advance(Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _sweeper.SweepAsync());

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _sweeper.SweepAsync());

        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _sweeper.SweepAsync());
        Assert.Equal(2, _harness.Published.Select<ReportSubmitted>().Count());
    }

    private async Task<Guid> StoreAsync(string clientId, string status)
    {
        var id = Guid.NewGuid();
        var now = _clock.GetUtcNow();
        await using var connection = await _store.Database.OpenAsync();
        await connection.ExecuteAsync(
            """
            insert into reports (id, client_id, workplace_code, text, channel, reporter_ref, occurred_at, submitted_at, status)
            values (@id, @clientId, 'BN-005', 'nợ lương hai tháng', 'app', null, @now, @now, @status)
            """, new { id, clientId, now, status });
        return id;
    }
}
