using SkiaSharp;

namespace Kiosque.Tests.Infrastructure;

public static class TestImages
{
    /// <summary>A real JPEG, drawn for the test.</summary>
    public static byte[] Jpeg(int width = 1200, int height = 675, SKColor? color = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(color ?? new SKColor(0x2a, 0x4d, 0x69));
            using var paint = new SKPaint { Color = SKColors.Goldenrod, IsAntialias = true };
            canvas.DrawCircle(width / 3f, height / 2f, height / 4f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
