using System.Threading.RateLimiting;
using Kiosque.Accounts;
using Kiosque.Newsroom;
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

    public static void MapNewsletter(this WebApplication app) => app.MapNewsletterApi();
}

/// <summary>Sign-ups per IP address in a fixed window (Kiosque:Newsletter:SignUpPerIp…); the page answers 429 past it.</summary>
public sealed class SignUpLimiter(IOptions<NewsletterOptions> options) : IDisposable
{
    readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.SignUpPerIpLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, options.Value.SignUpPerIpWindowSeconds)),
            QueueLimit = 0,
        }));

    /// <summary>Null when allowed, else how long to wait.</summary>
    public TimeSpan? Acquire(string? ip)
    {
        using var lease = limiter.AttemptAcquire(ip ?? "unknown");
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(options.Value.SignUpPerIpWindowSeconds);
    }

    public void Dispose() => limiter.Dispose();
}
