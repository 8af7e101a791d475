using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Submit;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Submit;

/// <summary>
/// The collaborators' short form, made for a phone: a workplace of their unit, what workers say
/// (diacritics optional), optionally when. It goes through Ingest's API (IngestClient) with a
/// client id fixed when the form was drawn, so pressing "send" twice stores one report.
/// </summary>
public sealed class IndexModel(Database database, IngestClient ingest) : PageModel
{
    [BindProperty] public string ClientId { get; set; } = "";
    [BindProperty] public string WorkplaceCode { get; set; } = "";
    [BindProperty] public string Text { get; set; } = "";
    [BindProperty] public DateTime? OccurredAt { get; set; }

    public IReadOnlyList<(string Code, string Name)> Workplaces { get; private set; } = [];
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public Guid? Received { get; private set; }

    public async Task OnGetAsync()
    {
        ClientId = $"web-{Guid.NewGuid():N}";
        await LoadWorkplacesAsync();
        if (Workplaces.Count == 1) WorkplaceCode = Workplaces[0].Code;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadWorkplacesAsync();
        if (Workplaces.All(w => w.Code != WorkplaceCode))
        {
            Errors = new Dictionary<string, string[]> { ["workplaceCode"] = ["Chọn một nơi làm việc của đơn vị bạn. Choose a workplace of your unit."] };
            return Page();
        }
        // The browser's local time is Vietnam's.
        DateTimeOffset? occurred = OccurredAt is { } local ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.FromHours(7)) : null;
        var outcome = await ingest.SubmitAsync(ClientId, WorkplaceCode, Text ?? "", occurred, User.Identity!.Name!, HttpContext.RequestAborted);
        if (outcome.Id is null)
        {
            Errors = outcome.Errors;
            return Page();
        }
        Received = outcome.Id;
        Text = "";
        OccurredAt = null;
        ClientId = $"web-{Guid.NewGuid():N}";
        return Page();
    }

    private async Task LoadWorkplacesAsync()
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var scope = await ScopeFilter.ForAsync(connection, User);
        Workplaces = (await connection.QueryAsync<(string, string)>($"select code, name from workplaces where {scope.On("code")} order by code", new { codes = scope.Codes })).ToList();
    }
}
