using Directive58.Dashboard.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages;

public sealed class LoginModel(UserAccounts accounts) : PageModel
{
    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var (result, principal) = await accounts.CheckPasswordAsync(UserName.Trim(), Password, HttpContext.RequestAborted);
        switch (result)
        {
            case UserAccounts.SignInResult.Success:
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal!);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case UserAccounts.SignInResult.LockedOut:
                Error = $"Tài khoản tạm khóa {UserAccounts.LockoutDuration.TotalMinutes:0} phút do đăng nhập sai nhiều lần. Account locked for a while after repeated failures.";
                break;
            default:
                Error = "Sai tên đăng nhập hoặc mật khẩu. Wrong user name or password.";
                break;
        }
        return Page();
    }
}
