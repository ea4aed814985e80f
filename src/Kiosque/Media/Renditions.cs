using Kiosque.Content;

namespace Kiosque.Media;

public enum RenditionFormat { Webp, Jpeg }

public sealed record Rendition(int Width, int Height, RenditionFormat Format, string Url);

/// <summary>The renditions of one image, smallest first, ready for a srcset.</summary>
public sealed record RenditionSet(IReadOnlyList<Rendition> Webp, IReadOnlyList<Rendition> Jpeg)
{
    public static string Srcset(IEnumerable<(string Url, int Width)> candidates) =>
        string.Join(", ", candidates.Select(c => $"{c.Url} {c.Width}w"));
}

/// <summary>
/// Names and sizes of the scaled copies stored next to an original: /media/2026/11/{guid}.png gives
/// /media/2026/11/{guid}-480.webp and {guid}-480.jpg, and so on for each width narrower than the original.
/// Names derive from the original's, so the model needs no column for them.
/// </summary>
public static class Renditions
{
    public static IReadOnlyList<int> Widths { get; } = [480, 960, 1600];

    /// <summary>
    /// Widths made for an original of this width. GIFs keep their original only (their animation would be lost);
    /// so do images of unknown width.
    /// </summary>
    public static IReadOnlyList<int> WidthsFor(int originalWidth, string originalUrlOrPath)
    {
        if (originalWidth <= 0 || Path.GetExtension(originalUrlOrPath).Equals(".gif", StringComparison.OrdinalIgnoreCase)) return [];
        return [.. Widths.Where(w => w < originalWidth)];
    }

    /// <summary>The renditions the store makes for <paramref name="item"/>, whether or not their files are there.</summary>
    public static RenditionSet? For(MediaItem item) => For(item.Url, item.Width, item.Height);

    public static RenditionSet? For(string originalUrl, int width, int height)
    {
        var widths = WidthsFor(width, originalUrl);
        if (widths.Count == 0) return null;
        return new RenditionSet(
            [.. widths.Select(w => new Rendition(w, HeightFor(w, width, height), RenditionFormat.Webp, Name(originalUrl, w, RenditionFormat.Webp)))],
            [.. widths.Select(w => new Rendition(w, HeightFor(w, width, height), RenditionFormat.Jpeg, Name(originalUrl, w, RenditionFormat.Jpeg)))]);
    }

    /// <summary>A rendition's URL or storage path from the original's: only the file name changes.</summary>
    public static string Name(string original, int width, RenditionFormat format)
    {
        var extension = Path.GetExtension(original);
        var stem = original[..^extension.Length];
        return $"{stem}-{width}{(format == RenditionFormat.Webp ? ".webp" : ".jpg")}";
    }

    public static int HeightFor(int width, int originalWidth, int originalHeight) =>
        originalWidth <= 0 ? 0 : Math.Max(1, (int)Math.Round((double)originalHeight * width / originalWidth, MidpointRounding.AwayFromZero));
}
