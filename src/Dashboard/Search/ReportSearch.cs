using System.Data.Common;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Dashboard.Search;

/// <summary>
/// The dashboard's own search index of report texts (already masked by Ingest), folded so search
/// ignores diacritics: SQLite FTS5 in the embedded default, a PostgreSQL tsvector when scaled out.
/// Every word must match, as a prefix ("luon" finds "lương").
/// </summary>
public sealed class ReportSearch(Database database, TimeProvider clock)
{
    /// <summary>Indexes one report unless it is indexed already (idempotent: redelivery and backfill are harmless).</summary>
    public async Task IndexAsync(DbConnection connection, DbTransaction tx, Guid reportId) =>
        await IndexAsync(connection, tx, await connection.QueryAsync<Row>(
            "select r.id, r.text from reports r where r.id = @reportId and not exists (select 1 from report_search s where s.report_id = r.id)", new { reportId }, tx));

    /// <summary>Indexes up to <paramref name="batch"/> reports that are not indexed yet; returns how many it found.</summary>
    public async Task<int> IndexMissingAsync(DbConnection connection, DbTransaction tx, int batch)
    {
        var rows = (await connection.QueryAsync<Row>(
            "select r.id, r.text from reports r where not exists (select 1 from report_search s where s.report_id = r.id) limit @batch", new { batch }, tx)).ToList();
        await IndexAsync(connection, tx, rows);
        return rows.Count;
    }

    private async Task IndexAsync(DbConnection connection, DbTransaction tx, IEnumerable<Row> rows)
    {
        foreach (var row in rows)
        {
            var folded = TextFolding.Fold(row.Text);
            if (database.IsPostgres)
            {
                await connection.ExecuteAsync("insert into report_search (report_id, indexed_at, folded) values (@Id, @now, @folded) on conflict do nothing",
                    new { row.Id, now = clock.GetUtcNow(), folded }, tx);
            }
            else if (await connection.ExecuteAsync("insert into report_search (report_id, indexed_at) values (@Id, @now) on conflict do nothing",
                         new { row.Id, now = clock.GetUtcNow() }, tx) == 1)
            {
                await connection.ExecuteAsync("insert into report_fts (report_id, folded) values (@Id, @folded)", new { row.Id, folded }, tx);
            }
        }
    }

    /// <summary>A condition on `r.id` for the inbox's where clause, and its parameter; "1 = 1" for an empty search.</summary>
    public (string Sql, object? Parameter) Condition(string? query)
    {
        var terms = TextFolding.Terms(query);
        if (terms.Count == 0) return ("1 = 1", null);
        return database.IsPostgres
            ? ("r.id in (select s.report_id from report_search s where s.document @@ to_tsquery('simple', @search))", string.Join(" & ", terms.Select(t => t + ":*")))
            : ("r.id in (select f.report_id from report_fts f where report_fts match @search)", string.Join(" ", terms.Select(t => $"\"{t}\"*")));
    }

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string Text { get; init; } = null!;
    }
}
