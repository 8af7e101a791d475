using Directive58.Alerts.Alerting;
using Directive58.Alerts.Cases;
using Directive58.Alerts.DailyDetection;
using Directive58.Alerts.Detection;
using Directive58.Alerts.Escalation;
using Directive58.Alerts.HotSpots;
using Directive58.Alerts.Notifications;
using Directive58.Alerts.Outcomes;
using Directive58.Alerts.Silence;
using Directive58.ServiceDefaults.Messaging;
using Directive58.ServiceDefaults.Scheduling;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Directive58.Alerts;

/// <summary>The alerts module: hot-spot detection, alerts to the responsible units over their channels, escalation, cases, their API.</summary>
public static class AlertsModule
{
    public static IHostApplicationBuilder AddAlerts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSchemaScripts("alerts", typeof(AlertsModule).Assembly);
        services.Configure<AlertsOptions>(builder.Configuration.GetSection("Alerts"));
        services.AddSingleton<EscalationSweep>();
        services.AddSingleton<DailyDetection.DailyDetection>();
        services.AddSingleton<SilenceCheck>();
        services.AddSingleton<DeliveryLog>();
        services.AddHttpClient(WebhookChannel.ClientName);
        services.AddSingleton<IAlertChannel, EmailChannel>();
        services.AddSingleton<IAlertChannel, WebhookChannel>();
        services.AddSingleton<IAlertChannel, SmsChannel>();
        services.AddBusConsumers(bus =>
        {
            bus.AddConsumer<DetectHotSpotConsumer>();
            bus.AddConsumer<SurveyDropConsumer>();
            bus.AddConsumer<AcknowledgeAlertConsumer>();
            bus.AddConsumer<DeliverAlertConsumer>();
            bus.AddConsumer<AssignCaseConsumer>();
            bus.AddConsumer<AddCaseNoteConsumer>();
            bus.AddConsumer<ResolveHotSpotConsumer>();
            bus.AddConsumer<ReopenHotSpotConsumer>();
        });

        var settings = builder.Configuration.GetSection("Alerts").Get<AlertsOptions>() ?? new AlertsOptions();
        // Vietnam keeps UTC+7 all year, so the local run time is a fixed UTC time: no time-zone id to
        // store with the trigger (a custom zone cannot be read back from the persistent store).
        var runAt = TimeSpan.FromMinutes(((settings.Detection.RunAt - DailyAlertCounts.VietnamOffset).TotalMinutes % 1440 + 1440) % 1440);
        builder.AddScheduledJobs(q =>
        {
            q.ScheduleJob<EscalateDueAlertsJob>(
                t => t.WithIdentity("escalate-due-alerts", "alerts").StartAt(DateTimeOffset.UtcNow.AddSeconds(5))
                    .WithSimpleSchedule(s => s.WithInterval(settings.Escalation.SweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                j => j.WithIdentity(EscalateDueAlertsJob.Key).DisallowConcurrentExecution());
            q.ScheduleJob<DailyDetectionJob>(
                t => t.WithIdentity("daily-detection", "alerts")
                    .WithCronSchedule($"0 {runAt.Minutes} {runAt.Hours} * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                j => j.WithIdentity(DailyDetectionJob.Key).DisallowConcurrentExecution());
        });
        return builder;
    }

    public static WebApplication MapAlerts(this WebApplication app)
    {
        app.MapAlertEndpoints();
        app.MapHotSpotEndpoints();
        app.MapCaseEndpoints();
        app.MapSilenceEndpoints();
        app.MapReportOutcomeEndpoints();
        return app;
    }
}
