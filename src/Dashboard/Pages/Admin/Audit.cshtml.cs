using Directive58.Dashboard.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Admin;

/// <summary>The audit log for administrators: who read which report's text, exported, relabelled or changed users; newest first.</summary>
public sealed class AuditModel(AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    public IReadOnlyList<AuditLog.Entry> Entries { get; private set; } = [];

    public async Task OnGetAsync() =>
        Entries = await audit.LatestAsync(string.IsNullOrWhiteSpace(Actor) ? null : Actor.Trim(), 500, HttpContext.RequestAborted);
}
