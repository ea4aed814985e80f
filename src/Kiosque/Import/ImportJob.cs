using Microsoft.EntityFrameworkCore;

namespace Kiosque.Import;

public enum ImportJobState { Queued, Running, Succeeded, Failed }

/// <summary>
/// A WordPress export uploaded in the newsroom, imported in the background. An instance claims the row with a
/// conditional update (a lease); a crash leaves it to be claimed again once the lease has expired, which is safe
/// because an import is one transaction and re-importing skips what is already there.
/// </summary>
public sealed class ImportJob
{
    public const int MaxMessage = 4000;

    public int Id { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>The uploaded file, relative to the data folder; deleted when the job ends.</summary>
    public string StoredPath { get; set; } = "";
    public ImportJobState State { get; set; }
    /// <summary>Items read so far and in all, for the progress bar.</summary>
    public int Done { get; set; }
    public int Total { get; set; }
    /// <summary>The summary when it succeeded, the reason (with the line) when it failed.</summary>
    public string? Message { get; set; }
    public string CreatedBy { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntil { get; set; }
    public int Attempts { get; set; }
}

public static class ImportModel
{
    public static void ConfigureImports(this ModelBuilder b) =>
        b.Entity<ImportJob>(e =>
        {
            e.HasIndex(x => new { x.State, x.ClaimedUntil });
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.StoredPath).HasMaxLength(300);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Message).HasMaxLength(ImportJob.MaxMessage);
            e.Property(x => x.CreatedBy).HasMaxLength(200);
            e.Property(x => x.CreatedByName).HasMaxLength(200);
            e.Property(x => x.ClaimedBy).HasMaxLength(100);
        });
}
