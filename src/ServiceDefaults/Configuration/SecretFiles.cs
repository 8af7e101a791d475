using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Directive58.ServiceDefaults.Configuration;

/// <summary>
/// Secrets come only from the environment or from files, never from appsettings.json:
/// - `Section__Key_FILE=/path` sets `Section:Key` to the file's content (the Docker/compose secrets
///   convention; `Storage__ConnectionString_FILE=/run/secrets/d58-db` sets `Storage:ConnectionString`).
///   Only names with `__` count, so other programs' `*_FILE` variables (TF_CLI_CONFIG_FILE) are left alone;
/// - `Secrets:Directory` (or `Secrets__Directory`) names a folder with one file per key
///   (`Bus__RabbitMq__Password`), e.g. systemd's `$CREDENTIALS_DIRECTORY`.
/// A named file that cannot be read stops the start: running with a missing secret is worse.
/// </summary>
public static class SecretFiles
{
    public static void AddSecretFiles(this IConfigurationManager configuration, IDictionary? environment = null)
    {
        var fromFiles = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment ?? Environment.GetEnvironmentVariables())
        {
            if (entry.Key is not string name || !name.EndsWith("_FILE", StringComparison.Ordinal) || !name.Contains("__", StringComparison.Ordinal)
                || entry.Value is not string path) continue;
            if (!File.Exists(path)) throw new InvalidOperationException($"{name} names {path}, which does not exist.");
            fromFiles[name[..^"_FILE".Length].Replace("__", ":")] = File.ReadAllText(path).TrimEnd('\r', '\n');
        }
        if (fromFiles.Count > 0) configuration.AddInMemoryCollection(fromFiles);
        if (configuration["Secrets:Directory"] is { Length: > 0 } folder)
        {
            if (!Directory.Exists(folder)) throw new InvalidOperationException($"Secrets:Directory names {folder}, which does not exist.");
            configuration.AddKeyPerFile(folder, optional: false);
        }
    }
}
