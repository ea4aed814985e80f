namespace Kiosque.Site;

public static class SiteFeature
{
    public static void AddSite(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Site/Pages");
    }

    public static void MapSite(this WebApplication app)
    {
        app.UseStaticFiles();
        app.MapRazorPages();
    }
}
