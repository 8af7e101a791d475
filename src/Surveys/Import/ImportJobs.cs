using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directive58.Surveys.Import;

/// <summary>
/// Imports started from the dashboard run in the background so the page can show progress; each
/// job keeps its progress and outcome in memory for an hour. The API imports in the request instead.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobs> logger)
{
    public sealed class Job
    {
        public Guid Id { get; init; }
        public Guid SurveyId { get; init; }
        public string? FileName { get; init; }
        public long Bytes { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public ImportProgress Progress { get; set; } = new(0, 0, 0, 0);
        public ImportOutcome? Outcome { get; set; }
        public string? Failure { get; set; }
        public bool Done => Outcome is not null || Failure is not null;
    }

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public Job? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>Takes ownership of the uploaded file and imports it in the background.</summary>
    public Job Start(ImportRequest request, UploadedFile file)
    {
        foreach (var old in _jobs.Values.Where(j => j.Done && j.StartedAt < clock.GetUtcNow().AddHours(-1))) _jobs.TryRemove(old.Id, out _);
        var job = new Job { Id = Guid.NewGuid(), SurveyId = request.SurveyId, FileName = request.FileName, Bytes = file.Length, StartedAt = clock.GetUtcNow() };
        _jobs[job.Id] = job;
        _ = Task.Run(async () =>
        {
            await using var owned = file;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<ResponseImporter>();
                job.Outcome = await importer.ImportAsync(request, file.Stream, file.Hash, new Progress<ImportProgress>(p => job.Progress = p));
                if (job.Outcome is null) job.Failure = "Không có bảng hỏi / No such questionnaire";
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Survey import {JobId} failed", job.Id);
                job.Failure = ex.Message;
            }
        });
        return job;
    }
}
