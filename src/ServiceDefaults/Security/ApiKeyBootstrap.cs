using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directive58.ServiceDefaults.Security;

/// <summary>
/// `Auth:BootstrapApiKey` makes an ingest+read key with that value exist. With none configured in
/// Development and no key stored yet, a demo key is generated and printed once.
/// </summary>
public sealed class ApiKeyBootstrap(ApiKeys keys, IConfiguration configuration, IHostEnvironment environment, ILogger<ApiKeyBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = configuration["Auth:BootstrapApiKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            await keys.AddAsync("bootstrap", configured, $"{Policies.Ingest} {Policies.Read}", cancellationToken);
            return;
        }
        if (!environment.IsDevelopment() || await keys.AnyAsync(cancellationToken)) return;
        var key = ApiKeys.NewKey();
        await keys.AddAsync("demo", key, $"{Policies.Ingest} {Policies.Read}", cancellationToken);
        logger.LogWarning("Khóa API demo (chỉ hiện một lần) / demo API key (shown once): {ApiKey}", key);
        Console.WriteLine($"\n  Khóa API demo / demo API key: {key}\n");
        DemoCredentialsFile.Append(configuration, $"api-key: {key}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>In Development only, generated credentials are also written beside the database so a newcomer who missed the console can find them.</summary>
public static class DemoCredentialsFile
{
    public static void Append(IConfiguration configuration, string line)
    {
        var folder = configuration["Demo:CredentialsFolder"] ?? "data";
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, "demo-credentials.txt"), line + Environment.NewLine);
    }
}
