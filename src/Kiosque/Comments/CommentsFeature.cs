using System.Globalization;
using Kiosque.ScaleOut;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Kiosque.Accounts;
using Kiosque.Newsroom;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Comments;

public static class CommentsFeature
{
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
    }

    public static void MapComments(this WebApplication app)
    {
        app.MapCommentsApi();
    }
}

/// <summary>
/// The per-address limit on the reader's writes (posting, reporting): POSTs only, counted in the shared counters
/// (Redis when configured), answered 429 with Retry-After.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CommentRateLimitAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            var limits = http.RequestServices.GetRequiredService<IOptions<CommentsOptions>>().Value;
            var ip = http.RequestServices.GetRequiredService<CommentTokens>().IpHash(http.Connection.RemoteIpAddress?.ToString());
            var retry = await http.RequestServices.GetRequiredService<IRateLimitCounter>()
                .HitAsync("comments:ip:" + ip, limits.PerIpLimit, TimeSpan.FromSeconds(limits.PerIpWindowSeconds), http.RequestAborted);
            if (retry > TimeSpan.Zero)
            {
                http.Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                context.Result = new ContentResult
                {
                    StatusCode = StatusCodes.Status429TooManyRequests,
                    Content = CommentText.TooMany,
                    ContentType = "text/plain; charset=utf-8",
                };
                return;
            }
        }
        await next();
    }
}
