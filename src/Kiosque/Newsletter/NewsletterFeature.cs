using Kiosque.Accounts;
using Kiosque.Newsroom;
using Kiosque.Observability;
using Kiosque.ScaleOut;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kiosque.Newsletter;

public static class NewsletterFeature
{
    const string NewsroomFolder = "/Newsletter/Pages/Newsroom";

    public static void AddNewsletter(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.SectionName);
        builder.Services.AddSingleton<NewsletterLinks>();
        builder.Services.AddSingleton<SignUpLimiter>();
        // Messages waiting in the outbox.
        builder.Services.AddSingleton(new QueueDepth("newsletter-outbox", db => db.NewsletterDeliveries.LongCount(d => d.Status == DeliveryStatus.Pending)));
        builder.Services.AddScoped<Subscriptions>();
        builder.Services.AddScoped<Editions>();
        builder.Services.AddScoped<EditionRenderer>();
        builder.Services.AddScoped<NewsletterOutbox>();
        builder.Services.AddSingleton<NewsletterSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NewsletterSender>());
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder(NewsroomFolder, Policies.EditorOrAdmin);
            // Addresses and lists are personal data and the newsroom's policy: admins only.
            o.Conventions.AuthorizePage($"{NewsroomFolder}/Subscribers", Policies.Admin);
            o.Conventions.AuthorizePage($"{NewsroomFolder}/Lists", Policies.Admin);
            o.Conventions.AddFolderApplicationModelConvention(NewsroomFolder, model => model.Filters.Add(new AdminTwoFactorGate()));
        });
    }

    public static void MapNewsletter(this WebApplication app)
    {
        app.MapNewsletterApi();
    }
}

/// <summary>
/// Sign-ups per IP address in a fixed window (Kiosque:Newsletter:SignUpPerIp…), in the shared counters (Redis when
/// configured); the page answers 429 past it.
/// </summary>
public sealed class SignUpLimiter(IRateLimitCounter counter, IOptions<NewsletterOptions> options)
{
    /// <summary>Null when allowed, else how long to wait.</summary>
    public async Task<TimeSpan?> AcquireAsync(string? ip, CancellationToken ct)
    {
        var wait = await counter.HitAsync("newsletter:ip:" + (ip ?? "unknown"), Math.Max(1, options.Value.SignUpPerIpLimit),
            TimeSpan.FromSeconds(Math.Max(1, options.Value.SignUpPerIpWindowSeconds)), ct);
        return wait > TimeSpan.Zero ? wait : null;
    }
}
