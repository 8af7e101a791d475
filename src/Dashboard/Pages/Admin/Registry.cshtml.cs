using System.Data.Common;
using Dapper;
using Directive58.Dashboard.Export;
using Directive58.Registry.Committees;
using Directive58.Registry.Communes;
using Directive58.Registry.Contacts;
using Directive58.Registry.Editing;
using Directive58.Registry.Import;
using Directive58.Registry.Unions;
using Directive58.Registry.Workplaces;
using Directive58.Registry.Zones;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Admin;

/// <summary>
/// Registry administration: each kind's entries, a CSV download of them, and a CSV upload that
/// creates or replaces entries by key, answering with the rows it refused and why, and links to the
/// form for one entry (RegistryEntry). It writes through the registry's own path (RegistryWriter via
/// CsvImport), the same as the API and the demo seed.
/// </summary>
public sealed class RegistryModel(Database database) : PageModel
{
    public static readonly string[] Kinds = ["workplaces", "unions", "committees", "contacts", "industrial-zones", "communes"];

    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "workplaces";
    public IReadOnlyList<string> Columns { get; private set; } = [];
    public IReadOnlyList<IReadOnlyList<object?>> Rows { get; private set; } = [];
    /// <summary>Which column holds each entry's key (code, or id for contacts), linked to its form.</summary>
    public int KeyColumn { get; private set; }
    public BatchResult? Imported { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Kinds.Contains(Kind)) return NotFound();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!Kinds.Contains(Kind)) return NotFound();
        await LoadAsync();
        return File(new Sheet(Kind, Columns, Rows).ToCsv(), "text/csv; charset=utf-8", $"{Kind}.csv");
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file)
    {
        if (!Kinds.Contains(Kind)) return NotFound();
        if (file is null || file.Length == 0) return RedirectToPage(new { Kind });
        await using var stream = file.OpenReadStream();
        var ct = HttpContext.RequestAborted;
        Imported = Kind switch
        {
            "workplaces" => await CsvImport.ImportAsync<Workplace>(database, stream, ct),
            "unions" => await CsvImport.ImportAsync<Union>(database, stream, ct),
            "committees" => await CsvImport.ImportAsync<Committee>(database, stream, ct),
            "contacts" => await CsvImport.ImportAsync<Contact>(database, stream, ct),
            "industrial-zones" => await CsvImport.ImportAsync<IndustrialZone>(database, stream, ct),
            _ => await CsvImport.ImportAsync<Commune>(database, stream, ct),
        };
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        (Columns, Rows, KeyColumn) = Kind switch
        {
            "workplaces" => await ListAsync<Workplace>(connection),
            "unions" => await ListAsync<Union>(connection),
            "committees" => await ListAsync<Committee>(connection),
            "contacts" => await ListAsync<Contact>(connection),
            "industrial-zones" => await ListAsync<IndustrialZone>(connection),
            _ => await ListAsync<Commune>(connection),
        };
    }

    /// <summary>The entries as a table whose header is the import's header: what is downloaded can be edited and uploaded again.</summary>
    private static async Task<(IReadOnlyList<string>, IReadOnlyList<IReadOnlyList<object?>>, int)> ListAsync<T>(DbConnection connection) where T : class, IRegistryRecord<T>
    {
        var properties = typeof(T).GetProperties().Where(p => p.CanWrite && p.Name != "Key").ToList();
        var entries = await connection.QueryAsync<T>($"select {T.Columns} from {T.Table} order by {T.KeyColumn}");
        var columns = properties.Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]).ToList();
        return (columns, entries.Select(e => (IReadOnlyList<object?>)properties.Select(p => p.GetValue(e)).ToList()).ToList(), columns.IndexOf(T.KeyColumn));
    }
}
