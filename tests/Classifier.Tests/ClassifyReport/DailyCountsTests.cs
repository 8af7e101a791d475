using Dapper;
using Directive58.Classifier.ClassifyReport;
using Directive58.Classifier.Tests.Learning;
using Directive58.Contracts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.Classifier.Tests.ClassifyReport;

/// <summary>report_daily_counts, kept by the consumer and recounted by the schema script, always agree with reports ⋈ classifications.</summary>
public sealed class DailyCountsTests : IAsyncLifetime
{
    // 18:30 UTC on 1 March is 01:30 on 2 March in Vietnam; 16:59 UTC is still 1 March there.
    private static readonly DateTimeOffset LateEvening = new(2026, 3, 1, 18, 30, 0, TimeSpan.Zero);
    private LearningStore _store = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _store = await LearningStore.CreateAsync();
        _provider = new ServiceCollection()
            .AddSingleton(_store.Database)
            .AddSingleton<IReportClassifier>(new LabelsFromText())
            .AddSingleton(TimeProvider.System)
            // Waits end at the first match; the long inactivity timeout keeps later waits from ending early.
            .AddMassTransitTestHarness(x =>
            {
                x.AddConsumer<ClassifyReportConsumer>();
                x.SetTestTimeouts(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
            })
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task A_redelivered_report_is_classified_once_and_counted_once_on_its_day_in_vietnam()
    {
        var id = Guid.NewGuid();
        await _store.AddReportAsync(id, "wages critical", "BN-002", LateEvening);

        await DeliverAsync(id, "wages critical", "BN-002", LateEvening);
        await DeliverAsync(id, "wages critical", "BN-002", LateEvening);

        Assert.Equal([("2026-03-02", "BN-002", "wages", "critical", 1L)], await CountsAsync());
    }

    [Fact]
    public async Task A_survey_comment_is_classified_but_not_counted_as_a_report()
    {
        var comment = Guid.NewGuid();
        await DeliverAsync(comment, "housing low", "BN-003", LateEvening, channel: "survey");

        Assert.Equal(1, await ScalarAsync("select count(*) from classifications"));
        Assert.Empty(await CountsAsync());
    }

    [Fact]
    public async Task The_recount_script_finds_exactly_what_the_consumer_counted()
    {
        var reports = new[]
        {
            ("wages critical", "BN-002", LateEvening), ("wages critical", "BN-002", LateEvening.AddHours(1)),
            ("wages low", "BN-002", LateEvening), ("safety_health elevated", "BN-005", LateEvening.AddDays(-3)),
            ("none none", "BN-005", LateEvening.AddMinutes(-91)),
        };
        foreach (var (text, workplace, at) in reports)
        {
            var id = Guid.NewGuid();
            await _store.AddReportAsync(id, text, workplace, at);
            await DeliverAsync(id, text, workplace, at);
        }
        var counted = await CountsAsync();

        await _store.MigrateAsync(); // reports exists now: 004 recounts from scratch

        Assert.Equal(1, await ScalarAsync("select count(*) from schema_migrations where script = '004_report_daily_counts_backfill.sql'"));
        Assert.Equal(counted, await CountsAsync());
        Assert.Contains(("2026-03-01", "BN-005", "none", "none", 1L), counted);
        Assert.Contains(("2026-03-02", "BN-002", "wages", "critical", 2L), counted);
    }

    private async Task DeliverAsync(Guid reportId, string text, string workplace, DateTimeOffset at, string channel = "app")
    {
        var messageId = NewId.NextGuid();
        await _harness.Bus.Publish(new ReportSubmitted(reportId, workplace, text, channel, "ctv-1", at, at), c => c.MessageId = messageId);
        var consumer = _harness.GetConsumerHarness<ClassifyReportConsumer>();
        Assert.True(await consumer.Consumed.Any<ReportSubmitted>(x => x.Context.MessageId == messageId));
        Assert.Null(consumer.Consumed.Select<ReportSubmitted>(x => x.Context.MessageId == messageId).First().Exception);
    }

    private async Task<List<(string Day, string Workplace, string Topic, string Risk, long Reports)>> CountsAsync()
    {
        await using var connection = await _store.Database.OpenAsync();
        return (await connection.QueryAsync<(string, string, string, string, long)>(
            "select day, workplace_code, topic, risk, reports from report_daily_counts order by day, workplace_code, topic, risk")).ToList();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await _store.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>The text names the labels ("wages critical"): a stand-in for the model.</summary>
    private sealed class LabelsFromText : IReportClassifier
    {
        public string ModelVersion => "test";

        public Prediction Classify(string text)
        {
            var words = text.Split(' ');
            return new Prediction(words[0], words[1], new Dictionary<string, double> { [words[0]] = 1 }, new Dictionary<string, double> { [words[1]] = 1 }, []);
        }
    }
}
