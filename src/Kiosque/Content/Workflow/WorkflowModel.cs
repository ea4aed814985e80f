using System.Security.Claims;

namespace Kiosque.Content.Workflow;

/// <summary>One saved state of an article: a JSON <see cref="ArticleInput"/> (see <see cref="ArticleSnapshot"/>) of every editable field.</summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    /// <summary>1, 2, 3 … per article.</summary>
    public int Number { get; set; }
    public DateTime CreatedAt { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public RevisionKind Kind { get; set; }
    /// <summary>For a restore: the revision whose content was saved again.</summary>
    public int? RestoredFrom { get; set; }
    public string Snapshot { get; set; } = "";
}

/// <summary>
/// Baseline: the state of an article saved before revisions existed, recorded just before its first edit.
/// </summary>
public enum RevisionKind { Created, Edited, Restored, Baseline }

/// <summary>Who did what to which entity, and when: the editorial audit log admins read.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    /// <summary>"article.published", "section.created" …</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Summary { get; set; } = "";
}

public enum ActorRole { Contributor, Editor, Admin }

/// <summary>Whoever performs a write: an API token today, a newsroom user tomorrow, or the system itself.</summary>
public sealed record Actor(string Id, string Name, ActorRole Role)
{
    /// <summary>The scheduled-publishing job.</summary>
    public static readonly Actor Scheduler = new("system:scheduler", "Publication programmée", ActorRole.Admin);

    public bool CanPublish => Role is ActorRole.Editor or ActorRole.Admin;

    /// <summary>
    /// Reads the generic NameIdentifier, Name and Role claims, so bearer-token and cookie principals both work;
    /// several role claims give the strongest. Null when the principal has no id or no known role.
    /// </summary>
    public static Actor? From(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(id)) return null;
        ActorRole? role = null;
        foreach (var claim in principal.FindAll(ClaimTypes.Role))
        {
            ActorRole? parsed = claim.Value.ToLowerInvariant() switch
            {
                "admin" => ActorRole.Admin,
                "editor" => ActorRole.Editor,
                "contributor" => ActorRole.Contributor,
                _ => null,
            };
            if (parsed > role || role is null && parsed is not null) role = parsed;
        }
        if (role is null) return null;
        var name = principal.FindFirstValue(ClaimTypes.Name);
        return new Actor(id, string.IsNullOrWhiteSpace(name) ? id : name, role.Value);
    }
}

public static class Audit
{
    /// <summary>Adds an entry to the context's pending writes: it commits with the change it describes.</summary>
    public static void Record(this Infrastructure.KiosqueDb db, Actor actor, string action, string entityType, string entityId,
        string summary, DateTime at) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = at,
            ActorId = Truncate(actor.Id, 200),
            ActorName = Truncate(actor.Name, 200),
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = Truncate(summary, 1000),
        });

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
