using System.Data.Common;

namespace Directive58.Registry.Editing;

/// <summary>One rejected row of a batch: its number (the CSV line, header = 1) and what is wrong, field by field.</summary>
public sealed record RowError(int Row, string? Key, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>What a batch did: how many entries were written and which rows were refused.</summary>
public sealed record BatchResult(int Written, IReadOnlyList<RowError> Rejected);

/// <summary>
/// Writes entries of one kind in order, in the caller's transaction: each is validated against the
/// registry as it stands after the rows before it (a union may name a parent from an earlier row),
/// valid ones are written, invalid ones are reported with their row number and skipped.
/// </summary>
public static class RegistryWriter
{
    public static async Task<BatchResult> WriteAsync<T>(DbConnection connection, DbTransaction? tx, IEnumerable<(int Row, T Entry)> rows)
        where T : class, IRegistryRecord<T>
    {
        var written = 0;
        var rejected = new List<RowError>();
        foreach (var (row, raw) in rows)
        {
            var entry = raw.Normalized();
            var errors = await entry.ValidateAsync(connection, tx);
            if (errors.Count > 0)
            {
                rejected.Add(new RowError(row, entry.Key, errors));
                continue;
            }
            await entry.UpsertAsync(connection, tx);
            written++;
        }
        return new BatchResult(written, rejected);
    }

    /// <summary>For seeds, where every entry must be valid: throws with the first problem otherwise.</summary>
    public static async Task WriteAllAsync<T>(DbConnection connection, DbTransaction? tx, IEnumerable<T> entries) where T : class, IRegistryRecord<T>
    {
        var result = await WriteAsync(connection, tx, entries.Select((e, i) => (i + 1, e)));
        if (result.Rejected is [var first, ..])
            throw new InvalidOperationException(
                $"{T.Resource} entry {first.Row} ({first.Key}) is invalid: {string.Join("; ", first.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
    }
}
