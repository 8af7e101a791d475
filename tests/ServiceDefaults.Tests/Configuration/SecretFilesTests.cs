using Directive58.ServiceDefaults.Configuration;
using Microsoft.Extensions.Configuration;

namespace Directive58.ServiceDefaults.Tests.Configuration;

public sealed class SecretFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("d58-secrets-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_FILE_variable_sets_its_key_to_the_file_content_and_other_programs_FILE_variables_are_ignored()
    {
        File.WriteAllText(Path.Combine(_folder, "db"), "Host=db;Password=bí-mật\n");
        var configuration = new ConfigurationManager();

        configuration.AddSecretFiles(new Dictionary<string, string> { ["Storage__ConnectionString_FILE"] = Path.Combine(_folder, "db"), ["TF_CLI_CONFIG_FILE"] = "/nowhere/.terraformrc" });

        Assert.Equal("Host=db;Password=bí-mật", configuration["Storage:ConnectionString"]);
    }

    [Fact]
    public void A_secrets_directory_gives_one_key_per_file()
    {
        File.WriteAllText(Path.Combine(_folder, "Bus__RabbitMq__Password"), "s3cret");
        var configuration = new ConfigurationManager();
        configuration["Secrets:Directory"] = _folder;

        configuration.AddSecretFiles(new Dictionary<string, string>());

        Assert.Equal("s3cret", configuration["Bus:RabbitMq:Password"]);
    }

    [Fact]
    public void A_FILE_variable_naming_a_missing_file_stops_the_start()
    {
        var configuration = new ConfigurationManager();
        Assert.Throws<InvalidOperationException>(() =>
            configuration.AddSecretFiles(new Dictionary<string, string> { ["Auth__BootstrapApiKey_FILE"] = Path.Combine(_folder, "absent") }));
    }
}
