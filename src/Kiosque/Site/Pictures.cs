namespace Kiosque.Site;

/// <summary>
/// One image as the shared _Picture partial renders it. <paramref name="Sizes"/> says how wide the layout shows
/// it, so the browser picks a rendition; <paramref name="Priority"/> marks the page's largest image (its LCP),
/// never lazy-loaded.
/// </summary>
public sealed record PictureView(ImageView Image, string Sizes, string? CssClass = null, bool Priority = false, bool Lazy = true);

/// <summary>The `sizes` of each place an image appears, following the widths set in site.css.</summary>
public static class ImageSizes
{
    // .article is 46rem wide from 48rem up; below, the lead figure bleeds to the screen's edges.
    public const string ArticleLead = "(min-width: 48rem) 46rem, 100vw";
    // .lead-story gives the image 3fr of 3fr + 2fr inside .wrap (72rem at most, 1.5rem padding).
    public const string HomeLead = "(min-width: 72rem) 41rem, (min-width: 48rem) 57vw, calc(100vw - 2rem)";
    // .cards: one column, two from 48rem, three from 64rem.
    public const string Cards = "(min-width: 72rem) 22rem, (min-width: 64rem) calc(33vw - 2rem), (min-width: 48rem) calc(50vw - 2.25rem), calc(100vw - 2rem)";
    // .home-section .cards: four columns from 48rem.
    public const string HomeCards = "(min-width: 72rem) 16rem, (min-width: 48rem) calc(25vw - 2rem), calc(100vw - 2rem)";
}
