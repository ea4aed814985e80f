using System.Collections.Concurrent;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Import;

public sealed class ImportOptions
{
    public const string SectionName = "Kiosque:Import";
    /// <summary>The largest export the newsroom accepts for upload (the command line has no limit).</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;
    /// <summary>How often an instance looks for jobs queued elsewhere; an upload wakes its own instance at once.</summary>
    public int PollSeconds { get; set; } = 30;
    /// <summary>How long an instance owns a job it claimed; after that, another may take it over.</summary>
    public int LeaseMinutes { get; set; } = 30;
    public int MaxAttempts { get; set; } = 3;
}

/// <summary>
/// Progress of the imports running in this process. The import writes in one transaction, and on SQLite a second
/// connection cannot write meanwhile, so progress is kept here and the job row gets the totals before and the outcome after.
/// </summary>
public sealed class ImportProgress
{
    readonly ConcurrentDictionary<int, (int Done, int Total)> running = new();
    public void Set(int jobId, int done, int total) => running[jobId] = (done, total);
    public void Remove(int jobId) => running.TryRemove(jobId, out _);
    public (int Done, int Total)? Get(int jobId) => running.TryGetValue(jobId, out var p) ? p : null;
}

/// <summary>Newsroom uploads: the file is kept under {DataPath}/imports until its job ends.</summary>
public sealed class ImportJobs(KiosqueDb db, IOptions<KiosqueOptions> options, TimeProvider clock, ImportJobRunner runner)
{
    public const string Folder = "imports";

    public async Task<ImportJob> EnqueueAsync(Stream content, string fileName, Actor actor, CancellationToken ct)
    {
        var relative = $"{Folder}/{Guid.NewGuid():N}.xml";
        var full = Path.Combine(options.Value.FullDataPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using (var file = File.Create(full))
            await content.CopyToAsync(file, ct);
        var job = new ImportJob
        {
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 260 } name ? name : "export.xml",
            StoredPath = relative,
            State = ImportJobState.Queued,
            CreatedBy = actor.Id,
            CreatedByName = actor.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(full);
            throw;
        }
        runner.Wake();
        return job;
    }
}

/// <summary>
/// Runs queued imports one at a time. A job is claimed with a conditional update (queued, or running with an expired
/// lease), so two instances never run the same one; a crash leaves it to be claimed again when the lease expires,
/// which is safe because an import is all-or-nothing and skips what it already imported.
/// </summary>
public sealed class ImportJobRunner(IServiceScopeFactory scopes, ImportProgress progress, IOptions<ImportOptions> importOptions,
    IOptions<KiosqueOptions> options, TimeProvider clock, ILogger<ImportJobRunner> logger) : BackgroundService
{
    readonly string instance = $"{Environment.MachineName[..Math.Min(60, Environment.MachineName.Length)]}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    readonly SemaphoreSlim wake = new(0);

    /// <summary>A job was queued in this instance: look now rather than at the next poll.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0) wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await wake.WaitAsync(TimeSpan.FromSeconds(importOptions.Value.PollSeconds), stoppingToken); }
            catch (OperationCanceledException) { return; }
            try
            {
                while (await RunOneAsync(stoppingToken)) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The import job runner failed; it will try again");
            }
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
    }

    /// <summary>Claims and runs the oldest job that is free; false when there was none.</summary>
    public async Task<bool> RunOneAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidate = await db.ImportJobs
            .Where(j => j.State == ImportJobState.Queued || j.State == ImportJobState.Running && j.ClaimedUntil < now)
            .OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
        if (candidate is not { } id) return false;
        var until = now.AddMinutes(importOptions.Value.LeaseMinutes);
        var claimed = await db.ImportJobs
            .Where(j => j.Id == id && (j.State == ImportJobState.Queued || j.State == ImportJobState.Running && j.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Running).SetProperty(j => j.ClaimedBy, instance)
                .SetProperty(j => j.ClaimedUntil, until).SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
        if (claimed == 0) return true; // another instance was quicker: look again
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
        // The report and the refusal are shown in the newsroom: written in its first language.
        return await ImportText.InCultureAsync(ImportText.JobCulture, async () =>
        {
            await RunAsync(scope.ServiceProvider, job, ct);
            return true;
        });
    }

    async Task RunAsync(IServiceProvider services, ImportJob job, CancellationToken ct)
    {
        var db = services.GetRequiredService<KiosqueDb>();
        var path = Path.Combine(options.Value.FullDataPath, job.StoredPath);
        ImportJobState state;
        string message;
        int done = 0, total = 0;
        if (job.Attempts > importOptions.Value.MaxAttempts)
        {
            (state, message) = (ImportJobState.Failed, ImportText.TooManyAttempts);
        }
        else
        {
            try
            {
                progress.Set(job.Id, 0, 0);
                var importer = services.GetRequiredService<WordPressImporter>();
                var actor = new Actor(job.CreatedBy, job.CreatedByName, ActorRole.Admin);
                var report = await importer.ImportAsync(path, new WordPressImportOptions(), actor,
                    new Progress(job.Id, progress), ct);
                (state, message, done, total) = (ImportJobState.Succeeded,
                    string.Join("\n", report.Notes.Take(50).Prepend(report.Summary)), report.Items, report.Items);
            }
            catch (WxrException e)
            {
                (state, message) = (ImportJobState.Failed, ImportText.Refused(e.Line, e.Reason));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Import job {Id} failed", job.Id);
                (state, message) = (ImportJobState.Failed, ImportText.Failed);
            }
            finally
            {
                progress.Remove(job.Id);
            }
        }
        if (message.Length > ImportJob.MaxMessage) message = message[..(ImportJob.MaxMessage - 1)] + "…";
        var finished = clock.GetUtcNow().UtcDateTime;
        await db.ImportJobs.Where(j => j.Id == job.Id && j.ClaimedBy == instance).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, state).SetProperty(j => j.Message, message).SetProperty(j => j.Done, done)
            .SetProperty(j => j.Total, total).SetProperty(j => j.FinishedAt, finished).SetProperty(j => j.ClaimedUntil, (DateTime?)null), ct);
        try { File.Delete(path); }
        catch (IOException e) { logger.LogWarning(e, "Could not delete the uploaded export {Path}", path); }
    }

    /// <summary>Reports synchronously: <see cref="Progress{T}"/> would post to the thread pool and could report after the end.</summary>
    sealed class Progress(int jobId, ImportProgress progress) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => progress.Set(jobId, value.Done, value.Total);
    }
}
