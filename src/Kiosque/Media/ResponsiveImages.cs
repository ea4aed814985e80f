using Kiosque.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kiosque.Media;

/// <summary>
/// The renditions a page may advertise for an image: those the store would have made for its width, and only
/// when they are on disk. Files stored by earlier versions, or by hand, have none; their pages then offer the
/// original alone rather than a srcset of missing files.
/// </summary>
public sealed class ResponsiveImages(IOptions<KiosqueOptions> options)
{
    public RenditionSet? Find(string originalUrl, int width, int height)
    {
        var set = Renditions.For(originalUrl, width, height);
        if (set is null || !originalUrl.StartsWith("/media/", StringComparison.Ordinal) || originalUrl.Contains("..", StringComparison.Ordinal))
            return null;
        // The store writes all renditions or none, so the smallest one tells for the set: one stat per image.
        var probe = set.Jpeg[0].Url["/media/".Length..];
        return File.Exists(Path.Combine(options.Value.MediaPath, probe)) ? set : null;
    }
}
