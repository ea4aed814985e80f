using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom.Pages.Settings;

public sealed class NavigationRowInput
{
    public string? Label { get; set; }
    public string? Url { get; set; }
}

/// <summary>
/// Admins only: the site menu. Adding, removing and moving rows re-renders the posted list without saving, so it works
/// without JavaScript and nothing typed is lost; "Save" validates and replaces the menu in one transaction.
/// </summary>
public sealed class NavigationModel(KiosqueDb db, TimeProvider clock) : SettingsPage(db, clock)
{
    [BindProperty] public List<NavigationRowInput> Items { get; set; } = [];
    public bool Unsaved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await Db.NavigationItems.AsNoTracking().OrderBy(n => n.Position).ThenBy(n => n.Id)
            .Select(n => new NavigationRowInput { Label = n.Label, Url = n.Url }).ToListAsync(ct);

    public PageResult OnPostAdd()
    {
        Items.Add(new NavigationRowInput());
        return Edited();
    }

    public PageResult OnPostRemove(int index)
    {
        if (index >= 0 && index < Items.Count) Items.RemoveAt(index);
        return Edited();
    }

    public PageResult OnPostMove(int index, bool up)
    {
        var other = up ? index - 1 : index + 1;
        if (index >= 0 && index < Items.Count && other >= 0 && other < Items.Count)
            (Items[index], Items[other]) = (Items[other], Items[index]);
        return Edited();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        // Wholly empty rows are ones the editor added and left: dropped rather than reported.
        Items = Items.Where(i => !string.IsNullOrWhiteSpace(i.Label) || !string.IsNullOrWhiteSpace(i.Url)).ToList();
        ModelState.Clear();
        ModelState.AddTo(ContentRules.Navigation(Items.Select(i => ((string?, string?)?)(i.Label, i.Url)).ToList())
            .Select(e => e with { Field = e.Field.Replace("items[", "Items[", StringComparison.Ordinal).Replace(".label", ".Label", StringComparison.Ordinal).Replace(".url", ".Url", StringComparison.Ordinal) }), prefix: "");
        if (!ModelState.IsValid) return Page();
        await InTransactionAsync(async () =>
        {
            Db.NavigationItems.RemoveRange(await Db.NavigationItems.ToListAsync(ct));
            Db.NavigationItems.AddRange(Items.Select((x, i) => new NavigationItem { Position = i, Label = x.Label!.Trim(), Url = x.Url!.Trim() }));
            Audit("navigation.updated", "navigation", "", string.Join(" · ", Items.Select(i => i.Label!.Trim())));
        }, ct);
        return Saved();
    }

    PageResult Edited()
    {
        // The list changed shape: errors and posted values keyed by old row numbers no longer apply.
        ModelState.Clear();
        Unsaved = true;
        return Page();
    }
}
