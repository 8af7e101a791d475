using System.Text.Json;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Surveys.Questionnaires;

/// <summary>Reads and writes questionnaires; the questions are one JSON column.</summary>
public sealed class QuestionnaireStore(Database database, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Row
    {
        public Guid Id { get; init; }
        public string Code { get; init; } = null!;
        public string Title { get; init; } = null!;
        public string? TitleEn { get; init; }
        public string Questions { get; init; } = null!;
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private const string Select = "select id, code, title, title_en as TitleEn, questions, updated_at as UpdatedAt from surveys";

    public async Task<IReadOnlyList<Questionnaire>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<Row>(Select + " order by title")).Select(ToModel).ToList();
    }

    public async Task<Questionnaire?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(Select + " where id = @id", new { id });
        return row is null ? null : ToModel(row);
    }

    /// <summary>Inserts or replaces a questionnaire; false when another one already has its code.</summary>
    public async Task<bool> SaveAsync(Questionnaire questionnaire, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var taken = await connection.ExecuteScalarAsync<long>(
            "select count(*) from surveys where code = @Code and id <> @Id", new { questionnaire.Code, questionnaire.Id });
        if (taken > 0) return false;
        var now = clock.GetUtcNow();
        await connection.ExecuteAsync(
            """
            insert into surveys (id, code, title, title_en, questions, created_at, updated_at)
            values (@Id, @Code, @Title, @TitleEn, @Questions, @now, @now)
            on conflict (id) do update set code = excluded.code, title = excluded.title, title_en = excluded.title_en,
                questions = excluded.questions, updated_at = excluded.updated_at
            """,
            new { questionnaire.Id, questionnaire.Code, questionnaire.Title, questionnaire.TitleEn, Questions = JsonSerializer.Serialize(questionnaire.Questions, Json), now });
        return true;
    }

    /// <summary>Ships the default questionnaire once; an edited default is left as the user made it.</summary>
    public async Task SeedDefaultAsync(CancellationToken ct = default)
    {
        if (await FindAsync(DefaultQuestionnaire.Id, ct) is null) await SaveAsync(DefaultQuestionnaire.Create(clock.GetUtcNow()), ct);
    }

    private static Questionnaire ToModel(Row row) => new()
    {
        Id = row.Id, Code = row.Code, Title = row.Title, TitleEn = row.TitleEn, UpdatedAt = row.UpdatedAt,
        Questions = JsonSerializer.Deserialize<List<Question>>(row.Questions, Json)!,
    };
}
