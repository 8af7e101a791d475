using Directive58.Registry;
using Directive58.Registry.Demo;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Import;
using Directive58.Surveys.Questionnaires;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directive58.Surveys.Tests.Support;

/// <summary>
/// The surveys module on a temporary SQLite file with the registry's demo province and
/// MassTransit's test harness as the bus: what the importer publishes can be asserted on.
/// </summary>
public sealed class SurveyHost : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "d58-surveys-tests", Guid.NewGuid().ToString("N"));
    private IHost _host = null!;

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero));
    public IServiceProvider Services => _host.Services;
    public Database Database => Services.GetRequiredService<Database>();
    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();
    public Guid SurveyId => DefaultQuestionnaire.Id;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["Storage:Provider"] = "Sqlite";
        builder.Configuration["Storage:ConnectionString"] = $"Data Source={_folder}/d58.db";
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
        builder.Services.AddSingleton<Database>();
        builder.AddRegistry();
        builder.AddSurveys();
        builder.Services.AddMassTransitTestHarness();
        _host = builder.Build();
        await new SchemaMigrator(Database, Services.GetServices<SchemaScripts>(), Services.GetRequiredService<ILogger<SchemaMigrator>>()).MigrateAsync();
        await DemoRegistry.SeedIfEmptyAsync(Database);
        await Services.GetRequiredService<QuestionnaireStore>().SeedDefaultAsync();
        await Harness.Start();
    }

    public async Task DisposeAsync()
    {
        await Harness.Stop();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    /// <summary>Imports bytes as an upload would, hashing them first.</summary>
    public async Task<ImportOutcome> ImportAsync(byte[] file, ImportRequest? request = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ResponseImporter>();
        await using var upload = await UploadedFile.SaveAsync(new MemoryStream(file), long.MaxValue, CancellationToken.None);
        return (await importer.ImportAsync(request ?? new ImportRequest(SurveyId), upload!.Stream, upload.Hash))!;
    }
}
