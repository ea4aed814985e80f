using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Webhooks.Pages;

public sealed class WebhookInput
{
    public string? Url { get; set; }
    public List<string> Events { get; set; } = [];
    public string? Description { get; set; }
}

/// <summary>Admins only (see WebhooksFeature): the registered hooks with their secrets, adding and removing one, the delivery log.</summary>
public sealed class WebhooksModel(KiosqueDb db, WebhookRegistry registry) : PageModel
{
    public IReadOnlyList<Webhook> Hooks { get; private set; } = [];
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];
    [BindProperty] public WebhookInput Input { get; set; } = new();
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        ModelState.Clear();
        foreach (var (field, problem) in registry.Validate(Input.Url, Input.Events, Input.Description))
            ModelState.AddModelError("Input." + char.ToUpperInvariant(field[0]) + field[1..], WebhooksText.Of(problem));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        await registry.AddAsync(Input.Url!, Input.Events, Input.Description, CurrentActor, ct);
        Notice = WebhooksText.Added;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!await registry.DeleteAsync(id, CurrentActor, ct)) return NotFound();
        Notice = WebhooksText.Deleted;
        return RedirectToPage();
    }

    Actor CurrentActor => Actor.From(User) ?? throw new InvalidOperationException("A newsroom user without a role reached the webhooks page.");

    async Task LoadAsync(CancellationToken ct)
    {
        Hooks = await db.Webhooks.AsNoTracking().OrderBy(h => h.Id).ToListAsync(ct);
        Deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Webhook)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(100).ToListAsync(ct);
    }
}
