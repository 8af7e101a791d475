using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Alerts.HotSpots;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Directive58.Alerts.Detection;

/// <summary>
/// A significant fall in a workplace's survey index (issue 7) is a slow signal, not an incident:
/// it opens a `watch` hot spot (or adds to an open one) so the union looks before it hardens.
/// Each drop is handled once, by its DropId.
/// </summary>
public sealed class SurveyDropConsumer(Database database, IOptions<AlertsOptions> options, TimeProvider clock) : IConsumer<SurveyIndexDropped>
{
    /// <summary>Which grievance topic a questionnaire dimension speaks for; the rest are general.</summary>
    public static string TopicOf(string dimension) => dimension switch
    {
        "pay" => "wages",
        "hours" => "working_time",
        "safety" or "meals" => "safety_health",
        "housing" => "living_conditions",
        "managers" => "management_conduct",
        "union" => "union_relations",
        _ => "none",
    };

    public async Task Consume(ConsumeContext<SurveyIndexDropped> context)
    {
        var drop = context.Message;
        var now = clock.GetUtcNow();
        HotSpotWriter.Outcome outcome;
        await using (var connection = await database.OpenAsync(context.CancellationToken))
        await using (var tx = await connection.BeginTransactionAsync(context.CancellationToken))
        {
            var inserted = await connection.ExecuteAsync(
                "insert into survey_signals (drop_id, workplace_code, wave, dimension, received_at) values (@DropId, @WorkplaceCode, @Wave, @Dimension, @now) on conflict do nothing",
                new { drop.DropId, drop.WorkplaceCode, drop.Wave, drop.Dimension, now }, tx);
            outcome = inserted == 0
                ? new HotSpotWriter.Outcome(null, null)
                : await HotSpotWriter.OpenOrRaiseAsync(connection, tx, drop.WorkplaceCode, HotSpotLevel.Watch, $"survey-drop:{drop.Dimension}",
                    null, TopicOf(drop.Dimension), options.Value, now);
            await tx.CommitAsync(context.CancellationToken);
        }
        if (outcome.Changed is not null) await context.Publish(outcome.Changed);
        if (outcome.Alert is not null) await context.Publish(outcome.Alert);
    }
}
