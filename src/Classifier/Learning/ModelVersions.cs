using System.Text.Json;
using Dapper;
using Directive58.Classifier.Model;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Classifier.Learning;

/// <summary>
/// Every model the classifier has used or tried, with its held-out metrics. The champion's bytes
/// live in the store, so every classifier instance can load what another one promoted.
/// </summary>
public sealed class ModelVersions(Database database, TimeProvider clock)
{
    public sealed record VersionRow
    {
        public string Version { get; init; } = "";
        public string Status { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public string TrainingSha256 { get; init; } = "";
        public string? HeldoutMetrics { get; init; }
        public string? ChampionMetrics { get; init; }
        public DateTimeOffset? DecidedAt { get; init; }
        public string Note { get; init; } = "";
    }

    private const string Columns =
        "version, status, created_at as CreatedAt, training_sha256 as TrainingSha256, heldout_metrics as HeldoutMetrics, champion_metrics as ChampionMetrics, decided_at as DecidedAt, note";

    public async Task<IReadOnlyList<VersionRow>> ListAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<VersionRow>($"select {Columns} from model_versions order by created_at desc")).ToList();
    }

    public async Task<(string Version, byte[]? Content)?> ChampionAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ChampionRow>("select version, content from model_versions where status = 'champion'");
        return row is null ? null : (row.Version, row.Content);
    }

    /// <summary>Records the model this instance started with as champion when the store has none yet.</summary>
    public async Task EnsureChampionAsync(LinearTextClassifier model, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<long>("select count(*) from model_versions where status = 'champion'", transaction: tx) == 0)
            await InsertAsync(connection, tx, model, "champion", null, "shipped with the release");
        await tx.CommitAsync(ct);
    }

    /// <summary>Stores a challenger and, when promoted, makes it the champion and retires the old one, atomically.</summary>
    public async Task RecordAsync(LinearTextClassifier challenger, bool promote, MetricsSummary? championMetrics, string note, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (promote)
            await connection.ExecuteAsync("update model_versions set status = 'retired', decided_at = @now where status = 'champion'", new { now = clock.GetUtcNow() }, tx);
        await InsertAsync(connection, tx, challenger, promote ? "champion" : "rejected", championMetrics, note);
        await tx.CommitAsync(ct);
    }

    private async Task InsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction tx, LinearTextClassifier model,
        string status, MetricsSummary? championMetrics, string note)
    {
        var file = Path.GetTempFileName();
        try
        {
            model.Save(file);
            await connection.ExecuteAsync(
                """
                insert into model_versions (version, status, created_at, training_sha256, heldout_metrics, champion_metrics, content, decided_at, note)
                values (@version, @status, @created, @sha, @metrics, @champion, @content, @now, @note)
                on conflict (version) do update set status = excluded.status, champion_metrics = excluded.champion_metrics, decided_at = excluded.decided_at, note = excluded.note
                """,
                new
                {
                    version = model.ModelVersion, status, created = model.Metadata.CreatedAt, sha = model.Metadata.TrainingDataSha256,
                    metrics = JsonSerializer.Serialize(model.Metadata.HeldOutMetrics), champion = championMetrics is null ? null : JsonSerializer.Serialize(championMetrics),
                    content = await File.ReadAllBytesAsync(file), now = clock.GetUtcNow(), note,
                }, tx);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record ChampionRow
    {
        public string Version { get; init; } = "";
        public byte[]? Content { get; init; }
    }
}
