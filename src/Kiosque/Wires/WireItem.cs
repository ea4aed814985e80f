using Kiosque.Content;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Wires;

/// <summary>Why the newsroom should look at a wire draft before using it.</summary>
public enum WireFlag
{
    None,
    /// <summary>The agency withdrew the item (ninjs pubstatus "canceled"): do not publish, take it down if live.</summary>
    Canceled,
    /// <summary>The agency holds the item back (pubstatus "withheld") until further notice.</summary>
    Withheld,
    /// <summary>A newer version arrived after the article left draft: it was recorded, not applied.</summary>
    NewerVersionNotApplied,
}

/// <summary>
/// One agency item (by its ninjs `uri`) and the article it became: the version last applied or seen, its rights
/// lines and the flag the newsroom sees on the article.
/// </summary>
public sealed class WireItem
{
    public int Id { get; set; }
    public string Uri { get; set; } = "";
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
    /// <summary>The ninjs `version` of the last item received (applied or not), as sent.</summary>
    public string? Version { get; set; }
    public DateTime? VersionCreated { get; set; }
    /// <summary>usable, withheld or canceled.</summary>
    public string PubStatus { get; set; } = "usable";
    /// <summary>The agency's credit: copyrightholder, else the configured credit.</summary>
    public string Credit { get; set; } = "";
    public string? CopyrightNotice { get; set; }
    public string? UsageTerms { get; set; }
    public string? Byline { get; set; }
    public WireFlag Flag { get; set; }
    public string? FlagNote { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>"api" or "folder".</summary>
    public string Source { get; set; } = "";
}

public static class WireModel
{
    public static void ConfigureWires(this ModelBuilder b) =>
        b.Entity<WireItem>(e =>
        {
            e.HasIndex(x => x.Uri).IsUnique();
            e.HasIndex(x => x.ArticleId).IsUnique();
            e.Property(x => x.Uri).HasMaxLength(500);
            e.Property(x => x.Version).HasMaxLength(50);
            e.Property(x => x.PubStatus).HasMaxLength(20);
            e.Property(x => x.Credit).HasMaxLength(300);
            e.Property(x => x.CopyrightNotice).HasMaxLength(1000);
            e.Property(x => x.UsageTerms).HasMaxLength(2000);
            e.Property(x => x.Byline).HasMaxLength(300);
            e.Property(x => x.Flag).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.FlagNote).HasMaxLength(500);
            e.Property(x => x.Source).HasMaxLength(20);
            e.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
}
