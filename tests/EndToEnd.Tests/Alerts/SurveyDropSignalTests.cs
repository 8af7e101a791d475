using System.Text.Json;
using Directive58.Contracts;
using Directive58.EndToEnd.Tests.Support;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.Alerts;

// The consumer lives in the Alerts module; the test namespace shadows it.
using SurveyDropConsumer = global::Directive58.Alerts.Detection.SurveyDropConsumer;

public sealed class SurveyDropSignalTests : IAsyncLifetime
{
    private readonly EmbeddedApp _app = new(testHarness: true);
    private HttpClient _api = null!;

    public async Task InitializeAsync() => _api = await _app.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_significant_survey_drop_opens_one_watch_hot_spot_even_when_delivered_twice()
    {
        var harness = _app.Services.GetRequiredService<ITestHarness>();
        var drop = new SurveyIndexDropped(Guid.NewGuid(), Guid.NewGuid(), "BN-003", "2026-H2", "2026-H1", "pay", 71.5, 52.0, 40, 38, 0.001, DateTimeOffset.UtcNow);

        var (first, second) = (NewId.NextGuid(), NewId.NextGuid());
        await harness.Bus.Publish(drop, c => c.MessageId = first);
        await harness.Bus.Publish(drop, c => c.MessageId = second);

        Assert.True(await harness.Published.Any<AlertRaised>(x => x.Context.Message.WorkplaceCode == "BN-003"));
        var consumer = harness.GetConsumerHarness<SurveyDropConsumer>();
        Assert.True(await consumer.Consumed.Any<SurveyIndexDropped>(x => x.Context.MessageId == first));
        Assert.True(await consumer.Consumed.Any<SurveyIndexDropped>(x => x.Context.MessageId == second));
        using var hotSpots = JsonDocument.Parse(await _api.GetStringAsync("/api/v1/hotspots?status=open&workplaceCode=BN-003"));
        var hotSpot = Assert.Single(hotSpots.RootElement.EnumerateArray());
        Assert.Equal("watch", hotSpot.GetProperty("level").GetString());
        Assert.Equal("survey-drop:pay", hotSpot.GetProperty("reason").GetString());
        using var alerts = JsonDocument.Parse(await _api.GetStringAsync("/api/v1/alerts?workplaceCode=BN-003"));
        Assert.Single(alerts.RootElement.EnumerateArray());
    }
}
