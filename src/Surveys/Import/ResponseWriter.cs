using System.Data.Common;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Surveys.Import;

public sealed record StoredResponse(Guid Id, string WorkplaceCode, string Wave, string RowHash, string Scores);

public sealed record StoredComment(Guid Id, Guid ResponseId, string WorkplaceCode, string Wave, string QuestionId, string Text);

/// <summary>
/// Writes a batch of responses and their comments in one transaction. PostgreSQL takes each batch
/// as arrays in one statement per table (unnest); SQLite reuses one prepared statement per row,
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
                insert into survey_comments (id, survey_id, response_id, workplace_code, wave, question_id, text, imported_at)
                select c.id, @surveyId, c.response_id, c.workplace_code, c.wave, c.question_id, c.text, @now
                from unnest(@ids, @responses, @workplaces, @waves, @questions, @texts) as c (id, response_id, workplace_code, wave, question_id, text)
                on conflict do nothing
                """,
                new
                {
                    surveyId, now, ids = comments.Select(c => c.Id).ToArray(), responses = comments.Select(c => c.ResponseId).ToArray(),
                    workplaces = comments.Select(c => c.WorkplaceCode).ToArray(), waves = comments.Select(c => c.Wave).ToArray(),
                    questions = comments.Select(c => c.QuestionId).ToArray(), texts = comments.Select(c => c.Text).ToArray(),
                }, tx);
        }
        else
        {
            await connection.ExecuteAsync(
                """
                insert into survey_responses (id, survey_id, import_id, workplace_code, wave, row_hash, scores, imported_at)
                values (@Id, @surveyId, @importId, @WorkplaceCode, @Wave, @RowHash, @Scores, @now) on conflict do nothing
                """, responses.Select(r => new { r.Id, surveyId, importId, r.WorkplaceCode, r.Wave, r.RowHash, r.Scores, now }), tx);
            await connection.ExecuteAsync(
                """
                insert into survey_comments (id, survey_id, response_id, workplace_code, wave, question_id, text, imported_at)
                values (@Id, @surveyId, @ResponseId, @WorkplaceCode, @Wave, @QuestionId, @Text, @now) on conflict do nothing
                """, comments.Select(c => new { c.Id, surveyId, c.ResponseId, c.WorkplaceCode, c.Wave, c.QuestionId, c.Text, now }), tx);
        }
        await tx.CommitAsync(ct);
    }
}
