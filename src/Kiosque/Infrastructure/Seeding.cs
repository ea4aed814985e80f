using Kiosque.Content;
using Kiosque.Content.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Infrastructure;

public static class Seeding
{
    /// <summary>Creates the settings row, then the demo site when the database holds no content yet.</summary>
    public static async Task SeedAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
        if (!await db.SiteSettings.AnyAsync(ct))
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            db.SiteSettings.Add(new SiteSettings { UpdatedAt = now });
            // A first newsletter, so that the sign-up forms work from the first day; admins rename or add others.
            if (!await db.NewsletterLists.AnyAsync(ct))
                db.NewsletterLists.Add(new Newsletter.NewsletterList { Name = "La quotidienne", Slug = "la-quotidienne", CreatedAt = now,
                    Description = "L’essentiel de l’actualité chaque matin, choisi par la rédaction." });
            await db.SaveChangesAsync(ct);
        }
        if (services.GetRequiredService<IOptions<KiosqueOptions>>().Value.DemoContent)
            await scope.ServiceProvider.GetRequiredService<DemoContent>().SeedIfEmptyAsync(ct);
    }
}
