using System.Security.Cryptography;
using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Admin;

/// <summary>
/// User administration: create a user with a role and a unit (a union, a committee or a workplace;
/// none = the whole province), shown a generated password once; disable or enable; reset a password.
/// </summary>
public sealed class UsersModel(UserAccounts accounts, Database database, AuditLog audit) : PageModel
{
    public IReadOnlyList<UserAccounts.User> Users { get; private set; } = [];
    public IReadOnlyList<(string Kind, string Code, string Name)> Units { get; private set; } = [];
    public string? Created { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Role { get; set; } = Roles.Collaborator;
    [BindProperty] public string? Unit { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        await LoadAsync();
        var name = UserName.Trim().ToLowerInvariant();
        (string Kind, string Code, string Name)? unit = string.IsNullOrWhiteSpace(Unit) ? null : Units.FirstOrDefault(u => $"{u.Kind}:{u.Code}" == Unit);
        if (name.Length is < 3 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            Error = T("Tên đăng nhập 3–64 ký tự: chữ không dấu, số, '.', '-', '_'.", "User names have 3–64 ASCII letters, digits, '.', '-' or '_'.");
        else if (!Roles.All.Contains(Role))
            Error = T("Vai trò không hợp lệ.", "Unknown role.");
        else if (!string.IsNullOrWhiteSpace(Unit) && unit?.Code is null)
            Error = T("Đơn vị không có trong danh mục.", "Unknown unit.");
        else if (Role != Roles.Administrator && Role != Roles.FederationAnalyst && unit?.Code is null)
            Error = T("Vai trò này cần một đơn vị.", "This role needs a unit.");
        if (Error is not null) return Page();
        var password = NewPassword();
        if (!await accounts.CreateAsync(name, string.IsNullOrWhiteSpace(DisplayName) ? name : DisplayName.Trim(), password, Role, unit?.Code is null ? null : unit.Value.Kind, unit?.Code, HttpContext.RequestAborted))
        {
            Error = T("Tên đăng nhập đã có.", "That user name is taken.");
            return Page();
        }
        await audit.RecordAsync(User, "create-user", $"{name} {Role} {Unit}", HttpContext.RequestAborted);
        Created = $"{name} / {password}";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string userName, bool disabled)
    {
        if (userName == User.Identity?.Name) return BadRequest();
        await accounts.SetDisabledAsync(userName, disabled, HttpContext.RequestAborted);
        await audit.RecordAsync(User, disabled ? "disable-user" : "enable-user", userName, HttpContext.RequestAborted);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetAsync(string userName)
    {
        await LoadAsync();
        var user = Users.FirstOrDefault(u => u.UserName == userName);
        if (user is null) return NotFound();
        var password = NewPassword();
        await accounts.UpsertAsync(user.UserName, user.DisplayName, password, user.Role, user.UnitKind, user.UnitCode, HttpContext.RequestAborted);
        await audit.RecordAsync(User, "reset-password", userName, HttpContext.RequestAborted);
        Created = $"{user.UserName} / {password}";
        return Page();
    }

    private async Task LoadAsync()
    {
        Users = await accounts.ListAsync(HttpContext.RequestAborted);
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        Units = (await connection.QueryAsync<(string, string, string)>(
            """
            select 'union', code, name from unions
            union all select 'committee', code, name from committees
            union all select 'workplace', code, name from workplaces
            order by 1, 2
            """)).ToList();
    }

    private string T(string vi, string en) => HttpContext.Request.Cookies[Localisation.Lang.Cookie] == "en" ? en : vi;

    /// <summary>12 random characters without look-alikes (0/O, 1/l), readable over the phone.</summary>
    public static string NewPassword() => new(RandomNumberGenerator.GetItems<char>("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 12));
}
