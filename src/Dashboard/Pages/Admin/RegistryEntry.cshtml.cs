using System.Globalization;
using System.Reflection;
using Directive58.Dashboard.Accounts;
using Directive58.Registry.Committees;
using Directive58.Registry.Communes;
using Directive58.Registry.Contacts;
using Directive58.Registry.Editing;
using Directive58.Registry.Unions;
using Directive58.Registry.Workplaces;
using Directive58.Registry.Zones;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Admin;

/// <summary>
/// One registry entry of any kind, created or edited in a form whose fields are the import's columns.
/// It is validated and written by the registry's own path (RegistryWriter), like the API and the CSV
/// import, and the change is audited. An existing entry keeps its key: a new code is a new entry.
/// </summary>
public sealed class RegistryEntryModel(Database database, AuditLog audit) : PageModel
{
    public sealed record Field(string Name, string? Value, bool IsKey, IReadOnlyList<string> Choices, IReadOnlyList<string> Errors);

    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "workplaces";
    /// <summary>The entry's key (code, or id for a contact); none for a new entry.</summary>
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }

    public bool IsNew => string.IsNullOrEmpty(Key);
    public IReadOnlyList<Field> Fields { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => ForKindAsync(save: false);

    public Task<IActionResult> OnPostAsync() => ForKindAsync(save: true);

    private Task<IActionResult> ForKindAsync(bool save) => Kind switch
    {
        "workplaces" => RunAsync<Workplace>(save),
        "unions" => RunAsync<Union>(save),
        "committees" => RunAsync<Committee>(save),
        "contacts" => RunAsync<Contact>(save),
        "industrial-zones" => RunAsync<IndustrialZone>(save),
        "communes" => RunAsync<Commune>(save),
        _ => Task.FromResult<IActionResult>(NotFound()),
    };

    private async Task<IActionResult> RunAsync<T>(bool save) where T : class, IRegistryRecord<T>
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var existing = IsNew ? null : await RegistryEndpoints.FindAsync<T>(connection, Key!);
        if (!IsNew && existing is null) return NotFound();
        if (!save)
        {
            Fields = Properties<T>().Select(p => new Field(p.Name, Text(existing is null ? null : p.Info.GetValue(existing)), p.Name == T.KeyColumn, Choices(p.Name), [])).ToList();
            return Page();
        }

        var (entry, errors) = FromForm<T>();
        if (entry is not null)
        {
            entry = (IsNew ? entry : entry.WithKey(Key!)).Normalized();
            if (IsNew && await RegistryEndpoints.FindAsync<T>(connection, entry.Key) is not null)
                errors[T.KeyColumn] = [$"Mã '{entry.Key}' đã có: hãy sửa mục đó. '{entry.Key}' exists already: edit that entry."];
            else
            {
                await using var tx = await connection.BeginTransactionAsync(HttpContext.RequestAborted);
                var result = await RegistryWriter.WriteAsync(connection, tx, [(1, entry)]);
                if (result.Rejected is [var rejected, ..]) errors = new Dictionary<string, string[]>(rejected.Errors);
                else
                {
                    await tx.CommitAsync(HttpContext.RequestAborted);
                    await audit.RecordAsync(User, IsNew ? "create-registry-entry" : "edit-registry-entry", $"{Kind}/{entry.Key}", HttpContext.RequestAborted);
                    return Redirect($"/Admin/Registry?kind={Uri.EscapeDataString(Kind)}&saved={Uri.EscapeDataString(entry.Key)}");
                }
            }
        }
        Fields = Properties<T>().Select(p => new Field(p.Name, IsNew || p.Name != T.KeyColumn ? Request.Form[p.Name].ToString() : Key, p.Name == T.KeyColumn,
            Choices(p.Name), errors.GetValueOrDefault(p.Name) ?? [])).ToList();
        return Page();
    }

    /// <summary>The entry the form describes, or the fields that are not even of the right type (a number, an id).</summary>
    private (T? Entry, Dictionary<string, string[]> Errors) FromForm<T>() where T : class, IRegistryRecord<T>
    {
        var entry = Activator.CreateInstance<T>();
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, property) in Properties<T>())
        {
            var text = Request.Form[name].ToString().Trim();
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type == typeof(string)) property.SetValue(entry, text);
            else if (text.Length == 0) { if (property.PropertyType != type) property.SetValue(entry, null); }
            else if (type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) property.SetValue(entry, number);
            else if (type == typeof(Guid) && Guid.TryParse(text, out var id)) property.SetValue(entry, id);
            else errors[name] = [type == typeof(int) ? "Cần một số nguyên. A whole number is needed." : "Không đúng dạng. Not in the expected form."];
        }
        return (errors.Count == 0 ? entry : null, errors);
    }

    /// <summary>The entry's fields as the list and the CSV import name them (camelCase), in declaration order.</summary>
    private static IEnumerable<(string Name, PropertyInfo Info)> Properties<T>() =>
        typeof(T).GetProperties().Where(p => p.CanWrite && p.Name != "Key").Select(p => (char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p));

    private IReadOnlyList<string> Choices(string field) => (Kind, field) switch
    {
        ("workplaces", "ownership") => Workplace.Ownerships,
        ("unions", "level") => Union.Levels,
        ("committees", "level") => Committee.Levels,
        ("contacts", "unitKind") => Contact.UnitKinds,
        _ => [],
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Vietnamese and English names of the fields, for the form's labels.</summary>
    public static (string Vi, string En) Label(string field) => field switch
    {
        "code" => ("Mã", "Code"), "id" => ("Mã định danh", "Id"), "name" => ("Tên", "Name"), "taxCode" => ("Mã số thuế", "Tax code"),
        "sector" => ("Ngành", "Sector"), "ownership" => ("Loại hình sở hữu", "Ownership"), "workforce" => ("Số lao động", "Workforce"),
        "provinceCode" => ("Mã tỉnh", "Province code"), "communeCode" => ("Mã xã/phường", "Commune code"), "zoneCode" => ("Mã KCN", "Industrial zone code"),
        "unionCode" => ("Mã công đoàn cơ sở", "Grassroots union code"), "level" => ("Cấp", "Level"), "parentCode" => ("Mã công đoàn cấp trên", "Parent union code"),
        "role" => ("Chức vụ", "Role"), "unitKind" => ("Loại đơn vị", "Unit kind"), "unitCode" => ("Mã đơn vị", "Unit code"),
        "email" => ("Email", "Email"), "phone" => ("Số điện thoại", "Phone"), "webhookUrl" => ("Địa chỉ webhook", "Webhook URL"),
        _ => (field, field),
    };
}
