using Kiosque.Accounts;
using Kiosque.Api;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsroom;

/// <summary>
/// When the site requires it, an admin without an authenticator app is sent to set one up and can open
/// nothing else in the newsroom until it is on.
/// </summary>
public sealed class AdminTwoFactorGate : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (user.IsInRole(Roles.Admin) && !user.HasClaim(c => c.Type == NewsroomClaims.TwoFactor))
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<KiosqueDb>();
            var required = await db.SiteSettings.Select(s => s.RequireTwoFactorForAdmins)
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (required)
            {
                context.Result = new RedirectResult(AccountPaths.TwoFactorSetUp);
                return;
            }
        }
        await next();
    }
}
