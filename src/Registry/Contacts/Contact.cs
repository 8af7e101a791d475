using System.Data.Common;
using System.Net.Mail;
using Dapper;
using Directive58.Registry.Editing;
using static Directive58.Registry.Editing.RegistryChecks;

namespace Directive58.Registry.Contacts;

/// <summary>A person alerts reach for a unit (a union or a committee), with the channels to reach them.</summary>
public sealed record Contact : IRegistryRecord<Contact>
{
    public static readonly string[] UnitKinds = ["union", "committee"];

    public Guid? Id { get; init; }
    public string Name { get; init; } = null!;
    public string Role { get; init; } = null!;
    public string UnitKind { get; init; } = null!;
    public string UnitCode { get; init; } = null!;
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? WebhookUrl { get; init; }

    public static string Resource => "contacts";
    public static string Table => "contacts";
    public static string KeyColumn => "id";
    public static string Columns =>
        "id, name, role, unit_kind as UnitKind, unit_code as UnitCode, email, phone, webhook_url as WebhookUrl";
    public string Key => Id?.ToString() ?? "";
    public Contact WithKey(string key) => this with { Id = Guid.TryParse(key, out var id) ? id : Guid.Empty };
    public Contact Normalized() => this with
    {
        Id = Id ?? Guid.NewGuid(), Name = Clean(Name)!, Role = Clean(Role)!, UnitKind = Clean(UnitKind)?.ToLowerInvariant()!, UnitCode = Clean(UnitCode)!,
        Email = Clean(Email), Phone = Clean(Phone), WebhookUrl = Clean(WebhookUrl),
    };

    public async Task<Dictionary<string, string[]>> ValidateAsync(DbConnection connection, DbTransaction? tx)
    {
        var errors = new Dictionary<string, string[]>();
        if (Id == Guid.Empty) errors["id"] = ["Mã liên hệ là một GUID. id must be a GUID."];
        Required(errors, "name", Name);
        Required(errors, "role", Role);
        Required(errors, "unitKind", UnitKind, 20);
        OneOf(errors, "unitKind", UnitKind, UnitKinds);
        Required(errors, "unitCode", UnitCode, 50);
        if (!errors.ContainsKey("unitKind"))
            await ReferenceAsync(errors, connection, tx, "unitCode", UnitKind == "union" ? "unions" : "committees", UnitCode);
        if (Email is not null && !MailAddress.TryCreate(Email, out _))
            errors["email"] = ["Địa chỉ email không hợp lệ. Not an email address."];
        if (Phone is not null && (Phone.Length is < 8 or > 16 || !Phone.TrimStart('+').All(char.IsAsciiDigit)))
            errors["phone"] = ["Số điện thoại gồm 8–15 chữ số, có thể bắt đầu bằng +. A phone number has 8–15 digits."];
        if (WebhookUrl is not null && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            errors["webhookUrl"] = ["Cần địa chỉ http(s) đầy đủ. webhookUrl must be an absolute http(s) URL."];
        return errors;
    }

    public Task UpsertAsync(DbConnection connection, DbTransaction? tx) => connection.ExecuteAsync(
        """
        insert into contacts (id, name, role, unit_kind, unit_code, email, phone, webhook_url)
        values (@Id, @Name, @Role, @UnitKind, @UnitCode, @Email, @Phone, @WebhookUrl)
        on conflict (id) do update set name = excluded.name, role = excluded.role, unit_kind = excluded.unit_kind,
            unit_code = excluded.unit_code, email = excluded.email, phone = excluded.phone, webhook_url = excluded.webhook_url
        """, new { Id = Id!.Value, Name, Role, UnitKind, UnitCode, Email, Phone, WebhookUrl }, tx);
}
