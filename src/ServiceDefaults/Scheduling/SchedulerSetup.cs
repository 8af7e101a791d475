using Directive58.ServiceDefaults.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace Directive58.ServiceDefaults.Scheduling;

/// <summary>
/// Timers, written once for every host that needs them: Quartz with its persistent ADO.NET store in
/// the configured database (`Storage:*`), so schedules survive restarts. On PostgreSQL the store is
/// clustered: several instances share the schedule and each firing runs on one of them. SQLite is the
/// one-process embedded default and is not clustered. Quartz creates its `qrtz_` tables itself
/// (<c>ProvisionSchema</c>). A module calls <see cref="AddScheduledJobs"/> with its jobs; the first call
/// also sets the scheduler up, later ones only add jobs (Quartz merges repeated <c>AddQuartz</c> calls).
/// `Scheduler:Enabled=false` leaves the jobs registered but starts no scheduler (tools, some tests).
/// </summary>
public static class SchedulerSetup
{
    /// <summary>One name for the whole cluster: Quartz's tables are keyed by it.</summary>
    public const string SchedulerName = "d58";

    private sealed class SchedulerMarker;

    public static IHostApplicationBuilder AddScheduledJobs(this IHostApplicationBuilder builder, Action<IQuartzBuilder> jobs)
    {
        var services = builder.Services;
        if (services.All(d => d.ServiceType != typeof(SchedulerMarker)))
        {
            services.AddSingleton<SchedulerMarker>();
            var storage = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
            services.AddQuartz(q =>
            {
                // Quartz keeps wall-clock time for firing; jobs read the injected TimeProvider for what "now" means.
                q.UseTimeProvider(TimeProvider.System);
                q.ConfigureScheduler(o =>
                {
                    o.InstanceName = SchedulerName;
                    o.GenerateInstanceId = storage.Provider == StorageProvider.Postgres;
                });
                q.UsePersistentStore(store =>
                {
                    if (storage.Provider == StorageProvider.Postgres)
                    {
                        store.UsePostgres(NpgsqlFactory.Instance, storage.ConnectionString);
                        store.UseClustering(_ => { });
                    }
                    else
                    {
                        SQLitePCL.Batteries.Init();
                        store.UseSqlite(SqliteFactory.Instance, new SqliteConnectionStringBuilder(storage.ConnectionString) { DefaultTimeout = 30 }.ToString());
                    }
                    store.UseSystemTextJsonSerializer(_ => { });
                    store.ProvisionSchema();
                });
            });
            if (builder.Configuration.GetValue("Scheduler:Enabled", true))
                services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }
        services.AddQuartz(jobs);
        return builder;
    }
}
