using SkiaSharp;

namespace Kiosque.Media;

/// <summary>
/// Makes the WebP and JPEG renditions of a decoded image. The image is decoded once, at the smallest size the
/// codec can give that still covers the largest rendition (JPEG decodes at 1/2, 1/4 … for free), turned upright
/// from its EXIF orientation, then scaled down step by step, each width made from the one above it.
/// </summary>
static class RenditionMaker
{
    public const int Quality = 80;

    /// <summary>Width and height as the image is displayed, after its EXIF orientation.</summary>
    public static (int Width, int Height) UprightSize(SKCodec codec) =>
        SwapsAxes(codec.EncodedOrigin) ? (codec.Info.Height, codec.Info.Width) : (codec.Info.Width, codec.Info.Height);

    /// <summary>Calls <paramref name="write"/> with each encoded rendition, largest first, and disposes it after.</summary>
    public static async Task MakeAsync(SKCodec codec, IReadOnlyList<int> widths, Func<int, RenditionFormat, SKData, Task> write, CancellationToken ct)
    {
        var (width, height) = UprightSize(codec);
        var largest = widths.Max();
        using var upright = DecodeUpright(codec, (float)largest / width);
        var opaque = upright.AlphaType == SKAlphaType.Opaque;

        SKBitmap? previous = null;
        try
        {
            foreach (var target in widths.OrderDescending())
            {
                ct.ThrowIfCancellationRequested();
                var scaled = ScaleDown(previous ?? upright, target, Renditions.HeightFor(target, width, height));
                previous?.Dispose();
                previous = scaled;

                using (var pixmap = scaled.PeekPixels())
                using (var webp = pixmap.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, Quality)))
                    await write(target, RenditionFormat.Webp, webp ?? throw new InvalidOperationException("WebP encoding failed."));

                // JPEG has no alpha: transparent pixels go on white, as most pages behind them are.
                using var flat = opaque ? null : Flatten(scaled);
                using (var pixmap = (flat ?? scaled).PeekPixels())
                using (var jpeg = pixmap.Encode(new SKJpegEncoderOptions(Quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)))
                    await write(target, RenditionFormat.Jpeg, jpeg ?? throw new InvalidOperationException("JPEG encoding failed."));
            }
        }
        finally
        {
            previous?.Dispose();
        }
    }

    static SKBitmap DecodeUpright(SKCodec codec, float scale)
    {
        var full = codec.Info;
        var size = codec.GetScaledDimensions(Math.Min(1f, scale));
        // Some codecs round down; a decode smaller than the largest rendition would blur it.
        if (size.Width < full.Width * scale - 1 || size.Height < full.Height * scale - 1) size = full.Size;

        var alpha = full.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha);
        var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            decoded.Dispose();
            throw new MediaRejectedException("The image could not be decoded.");
        }
        if (codec.EncodedOrigin is SKEncodedOrigin.TopLeft) return decoded;
        using (decoded)
            return Orient(decoded, codec.EncodedOrigin);
    }

    static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var (w, h) = (source.Width, source.Height);
        // Maps a stored pixel (x, y) to where it is displayed: x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var (uw, uh) = SwapsAxes(origin) ? (h, w) : (w, h);
        var upright = new SKBitmap(new SKImageInfo(uw, uh, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(upright);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return upright;
    }

    /// <summary>
    /// Halves with a bilinear filter (an exact 2×2 average) while the image is over twice the target, then
    /// finishes with a Mitchell cubic: sharp without the aliasing of a single large step.
    /// </summary>
    static SKBitmap ScaleDown(SKBitmap source, int width, int height)
    {
        var current = source;
        while (current.Width >= width * 2 && current.Height >= height * 2)
        {
            var half = Resize(current, current.Width / 2, current.Height / 2, new SKSamplingOptions(SKFilterMode.Linear));
            if (!ReferenceEquals(current, source)) current.Dispose();
            current = half;
        }
        var result = Resize(current, width, height, new SKSamplingOptions(SKCubicResampler.Mitchell));
        if (!ReferenceEquals(current, source)) current.Dispose();
        return result;
    }

    static SKBitmap Resize(SKBitmap source, int width, int height, SKSamplingOptions sampling)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        using var from = source.PeekPixels();
        using var to = target.PeekPixels();
        if (!from.ScalePixels(to, sampling))
        {
            target.Dispose();
            throw new InvalidOperationException($"Scaling to {width}×{height} failed.");
        }
        return target;
    }

    static SKBitmap Flatten(SKBitmap source)
    {
        var flat = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(flat);
        canvas.Clear(SKColors.White);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return flat;
    }
}
