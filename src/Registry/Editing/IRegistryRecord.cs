using System.Data.Common;
using Dapper;

namespace Directive58.Registry.Editing;

/// <summary>
/// One kind of registry entry (a workplace, a union, ...): where it lives, how it is validated and
/// how it is written. The API, the CSV import and the demo seed all write through these members, so
/// the three can never disagree on what a valid entry is.
/// </summary>
public interface IRegistryRecord<TSelf> where TSelf : class, IRegistryRecord<TSelf>
{
    /// <summary>The path under /api/v1, e.g. "workplaces".</summary>
    static abstract string Resource { get; }
    static abstract string Table { get; }
    static abstract string KeyColumn { get; }
    /// <summary>The select list mapping columns to the record's properties.</summary>
    static abstract string Columns { get; }

    /// <summary>The key this entry is stored under (its code, or its id for a contact).</summary>
    string Key { get; }

    /// <summary>The same entry with its key taken from the URL (PUT /resource/{key}).</summary>
    TSelf WithKey(string key);

    /// <summary>Trimmed, blank optional fields as null, a new id where the kind has one and none was given.</summary>
    TSelf Normalized();

    /// <summary>Field name → messages (Vietnamese first, English alongside); empty when valid.</summary>
    Task<Dictionary<string, string[]>> ValidateAsync(DbConnection connection, DbTransaction? tx);

    /// <summary>Inserts or replaces the entry by its key.</summary>
    Task UpsertAsync(DbConnection connection, DbTransaction? tx);
}

/// <summary>Small checks every registry kind needs while validating.</summary>
public static class RegistryChecks
{
    /// <summary>Trims; blank becomes null (CSV cells and form fields arrive as empty strings).</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? tx, string table, string? code) =>
        code is not null && await connection.ExecuteScalarAsync<long>($"select count(*) from {table} where code = @code", new { code }, tx) > 0;

    public static void Required(Dictionary<string, string[]> errors, string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = [$"Bắt buộc. {field} is required."];
        else if (value.Length > maxLength) errors[field] = [$"Tối đa {maxLength} ký tự. {field} is limited to {maxLength} characters."];
    }

    public static void OneOf(Dictionary<string, string[]> errors, string field, string? value, params string[] allowed)
    {
        if (value is not null && !allowed.Contains(value))
            errors[field] = [$"Phải là một trong: {string.Join(", ", allowed)}. {field} must be one of these."];
    }

    public static async Task ReferenceAsync(Dictionary<string, string[]> errors, DbConnection connection, DbTransaction? tx, string field, string table, string? code)
    {
        if (code is not null && !errors.ContainsKey(field) && !await ExistsAsync(connection, tx, table, code))
            errors[field] = [$"Không có mã '{code}' trong {table}. No {table} entry has this code."];
    }

    /// <summary>Codes are short, lower or upper case letters, digits and dashes: they appear in URLs and CSV files.</summary>
    public static void Code(Dictionary<string, string[]> errors, string field, string? code)
    {
        Required(errors, field, code, 50);
        if (code is not null && !errors.ContainsKey(field) && !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            errors[field] = ["Chỉ gồm chữ không dấu, số, '-', '_' hoặc '.'. Use ASCII letters, digits, '-', '_' or '.'."];
    }
}
