using System.Globalization;
using System.Threading.RateLimiting;
using Kiosque.Accounts;
using Kiosque.Newsroom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kiosque.Comments;

public static class CommentsFeature
{
    public const string PerIpPolicy = "comments-per-ip";
    const string NewsroomFolder = "/Comments/Pages/Newsroom";

    public static void AddComments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CommentsOptions>().BindConfiguration(CommentsOptions.SectionName);
        builder.Services.AddSingleton<CommentTokens>();
        builder.Services.AddSingleton<CommentEmailLimiter>();
        builder.Services.AddScoped<CommentSubmission>();
        builder.Services.AddScoped<CommentNotifications>();
        builder.Services.AddScoped<CommentModerator>();
        builder.Services.AddHostedService<CommentDigest>();

        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder(NewsroomFolder, Policies.EditorOrAdmin);
            o.Conventions.AddFolderApplicationModelConvention(NewsroomFolder, model => model.Filters.Add(new AdminTwoFactorGate()));
        });

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                    response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync(CommentText.TooMany, ct);
            };
            // Only the writes count: reading the preview or report pages is free.
            o.AddPolicy(PerIpPolicy, http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
                var limits = http.RequestServices.GetRequiredService<IOptions<CommentsOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.PerIpLimit,
                        Window = TimeSpan.FromSeconds(limits.PerIpWindowSeconds),
                        QueueLimit = 0,
                    });
            });
        });
    }

    public static void MapComments(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapCommentsApi();
    }
}
