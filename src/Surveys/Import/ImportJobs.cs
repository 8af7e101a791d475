using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Directive58.Surveys.Import;

/// <summary>
/// Imports started from the dashboard run in the background so the page can show progress. A job
/// that needs a column mapping keeps its uploaded file, so the mapping step re-runs it on the same
/// bytes; jobs and kept files are forgotten after an hour. The API imports within the request instead.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobs> logger)
{
    public sealed class Job
    {
        public Guid Id { get; init; }
        public required ImportRequest Request { get; init; }
        public long Bytes { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public ImportProgress Progress { get; set; } = new(0, 0, 0, 0);
        public ImportOutcome? Outcome { get; set; }
        public string? Failure { get; set; }
        public bool Done => Outcome is not null || Failure is not null;
        internal UploadedFile? File { get; set; }
    }

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public Job? Find(Guid id) => _jobs.GetValueOrDefault(id);

    /// <summary>Takes ownership of the uploaded file and imports it in the background.</summary>
    public Job Start(ImportRequest request, UploadedFile file)
    {
        Forget();
        var job = new Job { Id = Guid.NewGuid(), Request = request, Bytes = file.Length, StartedAt = clock.GetUtcNow(), File = file };
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job));
        return job;
    }

    /// <summary>Runs a job that stopped for want of a mapping again, on the same file, with the mapping (and defaults) the user chose.</summary>
    public Job? Remap(Guid id, ImportRequest request)
    {
        if (Find(id) is not { Outcome.Status: ImportStatus.NeedsMapping, File: { } file } earlier || earlier.Request.SurveyId != request.SurveyId) return null;
        earlier.File = null;
        return Start(request, file);
    }

    private async Task RunAsync(Job job)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<ResponseImporter>();
            var outcome = await importer.ImportAsync(job.Request, job.File!.Stream, job.File.Hash, new Progress<ImportProgress>(p => job.Progress = p));
            job.Outcome = outcome;
            if (outcome is null) job.Failure = "Không có bảng hỏi / No such questionnaire";
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Survey import {JobId} failed", job.Id);
            job.Failure = ex.Message;
        }
        finally
        {
            if (job.Outcome?.Status != ImportStatus.NeedsMapping && job.File is { } file)
            {
                job.File = null;
                await file.DisposeAsync();
            }
        }
    }

    private void Forget()
    {
        foreach (var old in _jobs.Values.Where(j => j.Done && j.StartedAt < clock.GetUtcNow().AddHours(-1)))
            if (_jobs.TryRemove(old.Id, out _)) old.File?.Stream.Dispose();
    }
}
