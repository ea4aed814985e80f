using SkiaSharp;

namespace Kiosque.Bench.Seed;

/// <summary>Abstract 1200×675 JPEGs (a gradient and a few discs), so the data set ships no photos.</summary>
static class Images
{
    public const int Width = 1200;
    public const int Height = 675;

    public static byte[] Render(int seed)
    {
        var random = new Random(seed);
        var hue = random.Next(360);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        using (var background = new SKPaint())
        {
            background.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(Width, Height),
                [SKColor.FromHsv(hue, 50, 90), SKColor.FromHsv((hue + 40) % 360, 75, 40)], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, Width, Height, background);
        }
        using (var disc = new SKPaint { IsAntialias = true })
        {
            for (var i = 0; i < 4; i++)
            {
                disc.Color = SKColor.FromHsv((hue + 150 + random.Next(60)) % 360, 60, 85).WithAlpha((byte)(60 + random.Next(90)));
                canvas.DrawCircle(random.Next(Width), random.Next(Height), 80 + random.Next(220), disc);
            }
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 78);
        return data.ToArray();
    }
}
