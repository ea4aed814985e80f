using Kiosque.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace Kiosque.Media;

public static class MediaFeature
{
    public static void AddMedia(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<MediaStore>();
        builder.Services.AddSingleton<ResponsiveImages>();
    }

    /// <summary>Serves stored files at /media/…; their names never change, so they are cached for a year.</summary>
    public static void MapMedia(this WebApplication app)
    {
        var path = app.Services.GetRequiredService<IOptions<KiosqueOptions>>().Value.MediaPath;
        Directory.CreateDirectory(path);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/media",
            FileProvider = new PhysicalFileProvider(path),
            OnPrepareResponse = ctx =>
            {
                ctx.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                ctx.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
    }
}
