using System.Diagnostics;
using System.Text;
using Dapper;
using Directive58.Registry;
using Directive58.Registry.Demo;
using Directive58.ServiceDefaults.Messaging;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys;
using Directive58.Surveys.Import;
using Directive58.Surveys.Import.Encodings;
using Directive58.Surveys.Questionnaires;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

// Usage: dotnet run -c Release --project bench/SurveyImport -- [rows=100000] [sqlite|postgres]
// Generates a template-layout CSV (seeded), imports it through ResponseImporter into a fresh store with the
// in-memory bus, then imports it again (same file; and the same rows re-encoded as VNI) to time the no-op paths.
var rows = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var provider = args.Length > 1 ? args[1] : "sqlite";
var folder = Path.Combine(Path.GetTempPath(), "d58-bench-" + Guid.NewGuid().ToString("N")[..8]);
string? pgDatabase = null;
var connectionString = $"Data Source={folder}/d58.db";
if (provider == "postgres")
{
    var admin = Environment.GetEnvironmentVariable("D58_TEST_POSTGRES") ?? throw new InvalidOperationException("set D58_TEST_POSTGRES");
    pgDatabase = "d58_bench_" + Guid.NewGuid().ToString("N")[..8];
    await using (var c = new NpgsqlConnection(admin)) { await c.OpenAsync(); await c.ExecuteAsync($"create database {pgDatabase}"); }
    connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = pgDatabase }.ConnectionString;
}

var builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Configuration["Storage:Provider"] = provider == "postgres" ? "Postgres" : "Sqlite";
builder.Configuration["Storage:ConnectionString"] = connectionString;
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<StorageOptions>(builder.Configuration.GetSection("Storage"));
builder.Services.AddSingleton<Database>();
builder.AddRegistry();
builder.AddSurveys();
builder.AddBus();
using var host = builder.Build();
var database = host.Services.GetRequiredService<Database>();
await new SchemaMigrator(database, host.Services.GetServices<SchemaScripts>(), host.Services.GetRequiredService<ILogger<SchemaMigrator>>()).MigrateAsync();
await DemoRegistry.SeedIfEmptyAsync(database);
await host.StartAsync();

var watch = Stopwatch.StartNew();
var csv = Generate(rows);
var utf8 = Encoding.UTF8.GetBytes(csv);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; store: {provider}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine($"generated {rows:N0} rows, {utf8.Length / 1024.0 / 1024:F1} MiB UTF-8 in {watch.Elapsed.TotalSeconds:F2} s");

await Measure("first import (UTF-8)", utf8);
await Measure("same file again", utf8);
await Measure("same rows as VNI (row hashes)", Vni.Encode(csv));

await using (var connection = await database.OpenAsync())
    Console.WriteLine($"stored: {await connection.ExecuteScalarAsync<long>("select count(*) from survey_responses"):N0} responses, {await connection.ExecuteScalarAsync<long>("select count(*) from survey_comments"):N0} comments");
await host.StopAsync();
if (pgDatabase is not null)
{
    NpgsqlConnection.ClearAllPools();
    await using var c = new NpgsqlConnection(Environment.GetEnvironmentVariable("D58_TEST_POSTGRES"));
    await c.OpenAsync();
    await c.ExecuteAsync($"drop database {pgDatabase} with (force)");
}
else Directory.Delete(folder, true);

async Task Measure(string what, byte[] file)
{
    await using var scope = host.Services.CreateAsyncScope();
    var importer = scope.ServiceProvider.GetRequiredService<ResponseImporter>();
    var cpu = Environment.CpuUsage.TotalTime;
    var started = Stopwatch.StartNew();
    await using var upload = await UploadedFile.SaveAsync(new MemoryStream(file), long.MaxValue, CancellationToken.None);
    var progress = new Progress<ImportProgress>(p => { if (p.RowsRead % 20_000 == 0) Console.WriteLine($"  … {p.RowsRead:N0} rows read at {started.Elapsed.TotalSeconds:F2} s"); });
    var outcome = (await importer.ImportAsync(new ImportRequest(DefaultQuestionnaire.Id, "bench.csv"), upload!.Stream, upload.Hash, progress))!;
    var seconds = started.Elapsed.TotalSeconds;
    // CPU time is reported beside wall time: on a shared machine the wall clock mostly measures the neighbours.
    Console.WriteLine($"{what}: {outcome.Status}, {outcome.Encoding}, imported {outcome.RowsImported:N0}, duplicates {outcome.RowsDuplicate:N0}, rejected {outcome.RowsRejected:N0}, comments {outcome.Comments:N0}" +
        $" in {seconds:F2} s wall, {(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:F2} s CPU ({outcome.RowsRead / seconds:N0} rows/s wall)");
}

static string Generate(int rows)
{
    var random = new Random(58);
    string[] wishes = ["Mong được tăng lương cơ bản", "Đề nghị giảm tăng ca cuối tuần", "Bữa ăn ca cần thêm rau và thịt", "Xin hỗ trợ tiền nhà trọ", "Muốn công đoàn tổ chức đối thoại định kỳ"];
    string[] complaints = ["Tổ trưởng hay quát mắng công nhân", "Xưởng nóng, quạt hỏng nhiều ngày", "Lương tháng trước trả chậm một tuần", "Chưa được đóng bảo hiểm xã hội"];
    var text = new StringBuilder(rows * 80);
    text.Append("workplaceCode,wave,pay,hours,safety,meals,housing,managers,union,stay,wishes,complaints\r\n");
    for (var i = 0; i < rows; i++)
    {
        text.Append($"BN-{1 + random.Next(35):000},2026-H1"); // the demo province has 35 workplaces
        for (var q = 0; q < 8; q++) text.Append(',').Append(1 + random.Next(5));
        text.Append(',').Append(random.NextDouble() < 0.2 ? $"\"{wishes[random.Next(wishes.Length)]} ({i})\"" : "");
        text.Append(',').Append(random.NextDouble() < 0.1 ? $"\"{complaints[random.Next(complaints.Length)]} ({i})\"" : "");
        text.Append("\r\n");
    }
    return text.ToString();
}
