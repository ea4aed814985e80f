using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Kiosque.Content.Demo;

/// <summary>
/// Generated stand-ins for the demo's photos and podcast episodes, so the demo site works offline and ships
/// no third-party pictures or sound. Everything derives from the article's slug: the same slug always gives
/// the same picture.
/// </summary>
static class DemoMedia
{
    public const int ImageWidth = 1600;
    public const int ImageHeight = 900;
    const int JpegQuality = 80;

    /// <summary>An abstract 1600×900 JPEG: a diagonal gradient, soft discs and bands, a play or sound mark for video and podcast.</summary>
    public static MemoryStream RenderLeadImage(string slug, SectionKind kind)
    {
        var random = new Random(StableHash(slug));
        var hue = random.Next(360);
        var light = SKColor.FromHsv(hue, 45 + random.Next(20), 85 + random.Next(10));
        var deep = SKColor.FromHsv((hue + 25 + random.Next(40)) % 360, 70 + random.Next(20), 35 + random.Next(20));
        var accent = SKColor.FromHsv((hue + 150 + random.Next(60)) % 360, 55 + random.Next(30), 80 + random.Next(15));

        using var surface = SKSurface.Create(new SKImageInfo(ImageWidth, ImageHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;

        using (var background = new SKPaint())
        {
            background.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(ImageWidth, ImageHeight), [light, deep], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, ImageWidth, ImageHeight, background);
        }

        using (var disc = new SKPaint { IsAntialias = true })
        {
            for (var i = 0; i < 3 + random.Next(3); i++)
            {
                var centre = new SKPoint(random.Next(ImageWidth), random.Next(ImageHeight));
                var radius = 150 + random.Next(350);
                var colour = (i % 2 == 0 ? accent : light).WithAlpha((byte)(70 + random.Next(80)));
                disc.Shader = SKShader.CreateRadialGradient(centre, radius, [colour, colour.WithAlpha(0)], SKShaderTileMode.Clamp);
                canvas.DrawCircle(centre, radius, disc);
            }
        }

        using (var band = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(28) })
        {
            canvas.Save();
            canvas.RotateDegrees(-20 + random.Next(40), ImageWidth / 2f, ImageHeight / 2f);
            for (var i = 0; i < 2 + random.Next(3); i++)
            {
                var top = random.Next(-200, ImageHeight + 100);
                canvas.DrawRect(-400, top, ImageWidth + 800, 30 + random.Next(120), band);
            }
            canvas.Restore();
        }

        using (var ring = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 6, Color = accent.WithAlpha(160) })
            canvas.DrawCircle(random.Next(200, ImageWidth - 200), random.Next(150, ImageHeight - 150), 60 + random.Next(120), ring);

        // No text: the Linux build of Skia carries no fonts, so a label would draw on some machines only.
        // A mark tells video and podcast pictures apart instead.
        var middle = new SKPoint(ImageWidth / 2f, ImageHeight / 2f);
        using (var mark = new SKPaint { IsAntialias = true, Color = SKColors.White.WithAlpha(210) })
        {
            if (kind == SectionKind.Video)
            {
                mark.Color = SKColors.Black.WithAlpha(90);
                canvas.DrawCircle(middle, 110, mark);
                mark.Color = SKColors.White.WithAlpha(230);
                using var builder = new SKPathBuilder();
                builder.MoveTo(middle.X - 35, middle.Y - 55);
                builder.LineTo(middle.X + 60, middle.Y);
                builder.LineTo(middle.X - 35, middle.Y + 55);
                builder.Close();
                using var triangle = builder.Detach();
                canvas.DrawPath(triangle, mark);
            }
            else if (kind == SectionKind.Podcast)
            {
                mark.Style = SKPaintStyle.Stroke;
                mark.StrokeWidth = 10;
                for (var r = 60; r <= 240; r += 60)
                {
                    mark.Color = SKColors.White.WithAlpha((byte)(230 - r * 3 / 4));
                    canvas.DrawCircle(middle, r, mark);
                }
            }
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        var jpeg = new MemoryStream(checked((int)data.Size));
        data.SaveTo(jpeg);
        jpeg.Position = 0;
        return jpeg;
    }

    public const int AudioSampleRate = 16_000;

    /// <summary>
    /// A short mono 16-bit PCM WAV: a soft three-note chime over a quiet hum, different per slug, so that
    /// the podcast player has a real file to play without network access.
    /// </summary>
    public static byte[] RenderEpisodeAudio(string slug, int seconds)
    {
        var random = new Random(StableHash(slug));
        var samples = AudioSampleRate * seconds;
        double[] scale = [261.63, 293.66, 329.63, 392.00, 440.00, 523.25];
        var notes = Enumerable.Range(0, 3).Select(_ => scale[random.Next(scale.Length)]).ToArray();
        var noteLength = samples / notes.Length;

        var wav = new byte[44 + samples * 2];
        var span = wav.AsSpan();
        Encoding.ASCII.GetBytes("RIFF").CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], wav.Length - 8);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], AudioSampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], AudioSampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        Encoding.ASCII.GetBytes("data").CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples * 2);

        for (var i = 0; i < samples; i++)
        {
            var t = (double)i / AudioSampleRate;
            var inNote = (double)(i % noteLength) / AudioSampleRate;
            var chime = Math.Sin(2 * Math.PI * notes[Math.Min(i / noteLength, notes.Length - 1)] * t) * Math.Exp(-3 * inNote);
            var hum = 0.15 * Math.Sin(2 * Math.PI * 110 * t);
            // Fade in and out so the file neither starts nor stops with a click.
            var edge = Math.Min(1, Math.Min(t, seconds - t) / 0.2);
            var value = (chime * 0.5 + hum) * edge * 0.6;
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + i * 2)..], (short)(value * short.MaxValue));
        }
        return wav;
    }

    // string.GetHashCode differs between processes; the pictures must not.
    static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }
}
