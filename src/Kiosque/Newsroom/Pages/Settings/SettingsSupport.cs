using System.ComponentModel.DataAnnotations;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages.Settings;

public sealed class IdInput
{
    [Required] public int? Id { get; set; }
}

public sealed class MoveInput
{
    [Required] public int? Id { get; set; }
    public bool Up { get; set; }
}

/// <summary>What every settings page shares: who acts, the clock, and one transaction per write with its audit entry.</summary>
public abstract class SettingsPage(KiosqueDb db, TimeProvider clock) : PageModel
{
    protected KiosqueDb Db => db;
    protected DateTime Now => clock.GetUtcNow().UtcDateTime;
    [TempData] public string? Notice { get; set; }

    /// <summary>The policy only lets newsroom roles in, so a principal without an actor is a bug, not a user error.</summary>
    protected Actor Actor => Actor.From(User) ?? throw new InvalidOperationException("A newsroom user without a role reached a settings page.");

    protected void Audit(string action, string entityType, object entityId, string summary) =>
        db.Record(Actor, action, entityType, Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture) ?? "", summary, Now);

    /// <summary>Runs the change and its audit entries in one transaction (entities added before saving get their ids first).</summary>
    protected async Task InTransactionAsync(Func<Task> change, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await change();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Removes one item of the site's structure with its "{type}.deleted" audit entry, then back to the list.</summary>
    protected async Task<IActionResult> DeletedAsync(object entity, string entityType, int entityId, string name, CancellationToken ct)
    {
        await InTransactionAsync(() =>
        {
            db.Remove(entity);
            Audit(entityType + ".deleted", entityType, entityId, name);
            return Task.CompletedTask;
        }, ct);
        Notice = AdminText.Deleted;
        return RedirectToPage(new { id = (int?)null });
    }

    protected IActionResult Saved(string? page = null, object? values = null)
    {
        Notice = AdminText.Saved;
        return RedirectToPage(page, values);
    }
}
