using System.Data.Common;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Surveys.Import;

public sealed record StoredResponse(Guid Id, string WorkplaceCode, string Wave, string RowHash, string Scores);

public sealed record StoredComment(Guid Id, Guid ResponseId, string WorkplaceCode, string Wave, string QuestionId, string Text);

/// <summary>
/// Writes a batch of responses and their comments in one transaction. PostgreSQL takes each batch
/// as arrays in one statement per table (unnest); SQLite reuses one prepared statement per table,
/// which is what it is fast at. Duplicates (a concurrent import of the same rows) are skipped.
/// </summary>
public static class ResponseWriter
{
    public static async Task WriteAsync(Database database, DbConnection connection, Guid surveyId, Guid importId, DateTimeOffset now,
        IReadOnlyList<StoredResponse> responses, IReadOnlyList<StoredComment> comments, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (database.IsPostgres)
        {
            await connection.ExecuteAsync(
                """
                insert into survey_responses (id, survey_id, import_id, workplace_code, wave, row_hash, scores, imported_at)
                select r.id, @surveyId, @importId, r.workplace_code, r.wave, r.row_hash, r.scores, @now
                from unnest(@ids, @workplaces, @waves, @hashes, @scores) as r (id, workplace_code, wave, row_hash, scores)
                on conflict do nothing
                """,
                new
                {
                    surveyId, importId, now, ids = responses.Select(r => r.Id).ToArray(), workplaces = responses.Select(r => r.WorkplaceCode).ToArray(),
                    waves = responses.Select(r => r.Wave).ToArray(), hashes = responses.Select(r => r.RowHash).ToArray(), scores = responses.Select(r => r.Scores).ToArray(),
                }, tx);
            await connection.ExecuteAsync(
                """
                insert into survey_comments (id, survey_id, response_id, import_id, workplace_code, wave, question_id, text, imported_at)
                select c.id, @surveyId, c.response_id, @importId, c.workplace_code, c.wave, c.question_id, c.text, @now
                from unnest(@ids, @responses, @workplaces, @waves, @questions, @texts) as c (id, response_id, workplace_code, wave, question_id, text)
                on conflict do nothing
                """,
                new
                {
                    surveyId, importId, now, ids = comments.Select(c => c.Id).ToArray(), responses = comments.Select(c => c.ResponseId).ToArray(),
                    workplaces = comments.Select(c => c.WorkplaceCode).ToArray(), waves = comments.Select(c => c.Wave).ToArray(),
                    questions = comments.Select(c => c.QuestionId).ToArray(), texts = comments.Select(c => c.Text).ToArray(),
                }, tx);
        }
        else
        {
            // The stored forms of the batch's time and ids, exactly as the Dapper type handlers write them.
            var stamp = await connection.ExecuteScalarAsync<string>("select @now", new { now }, tx);
            var (survey, import) = (surveyId.ToString(), importId.ToString());
            Insert(connection, tx,
                "insert into survey_responses (id, survey_id, import_id, workplace_code, wave, row_hash, scores, imported_at) values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing",
                responses.Select(r => new object[] { r.Id.ToString(), survey, import, r.WorkplaceCode, r.Wave, r.RowHash, r.Scores, stamp! }));
            Insert(connection, tx,
                "insert into survey_comments (id, survey_id, response_id, import_id, workplace_code, wave, question_id, text, imported_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing",
                comments.Select(c => new object[] { c.Id.ToString(), survey, c.ResponseId.ToString(), import, c.WorkplaceCode, c.Wave, c.QuestionId, c.Text, stamp! }));
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>One prepared statement, its parameters rebound per row: SQLite's fastest way in (no per-row mapping).</summary>
    private static void Insert(DbConnection connection, DbTransaction tx, string sql, IEnumerable<object[]> rows)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        var parameters = new List<DbParameter>();
        foreach (var row in rows)
        {
            if (parameters.Count == 0)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = "$" + (i + 1);
                    parameters.Add(p);
                    command.Parameters.Add(p);
                }
                command.Prepare();
            }
            for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i];
            command.ExecuteNonQuery();
        }
    }
}
