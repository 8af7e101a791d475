using System.Security.Cryptography;
using Directive58.ServiceDefaults.Security;

namespace Directive58.Dashboard.Accounts;

/// <summary>
/// `Auth:BootstrapAdmin:UserName`/`Password` make that administrator exist. With none configured in
/// Development and no user yet, an `admin` with a generated password is created and printed once.
/// </summary>
public sealed class AdminBootstrap(UserAccounts accounts, IConfiguration configuration, IHostEnvironment environment, ILogger<AdminBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var userName = configuration["Auth:BootstrapAdmin:UserName"];
        var password = configuration["Auth:BootstrapAdmin:Password"];
        if (!string.IsNullOrWhiteSpace(userName) && !string.IsNullOrEmpty(password))
        {
            await accounts.UpsertAsync(userName, "Quản trị viên", password, Roles.Administrator, null, null, cancellationToken);
            return;
        }
        if (!environment.IsDevelopment() || await accounts.AnyAsync(cancellationToken)) return;
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y');
        await accounts.UpsertAsync("admin", "Quản trị viên", generated, Roles.Administrator, null, null, cancellationToken);
        logger.LogWarning("Tài khoản quản trị demo / demo administrator: admin / {Password}", generated);
        Console.WriteLine($"\n  Đăng nhập / sign in: admin / {generated}\n");
        DemoCredentialsFile.Append(configuration, $"admin-password: {generated}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
