using System.Text;
using Kiosque.Content;
using Kiosque.Media;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Kiosque.Tests.Media;

public sealed class MediaStoreRenditionsTests : IAsyncLifetime
{
    KiosqueApp app = null!;

    public async ValueTask InitializeAsync() => app = await KiosqueApp.CreateAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<MediaItem> StoreAsync(byte[] content, string alt = "Une image de test")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MediaStore>();
        using var stream = new MemoryStream(content);
        return await store.SaveImageAsync(stream, alt, "Légende", "©Test", Ct);
    }

    string FileOf(string url) => Path.Combine(app.DataPath, "media", url["/media/".Length..]);

    List<string> FilesBeside(MediaItem item)
    {
        var original = FileOf(item.Url);
        var stem = Path.GetFileNameWithoutExtension(original);
        return [.. Directory.EnumerateFiles(Path.GetDirectoryName(original)!, stem + "*").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];
    }

    static (SKEncodedImageFormat Format, int Width, int Height, SKAlphaType Alpha) Probe(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new Xunit.Sdk.XunitException($"{path} is not an image");
        return (codec.EncodedFormat, codec.Info.Width, codec.Info.Height, codec.Info.AlphaType);
    }

    [Fact]
    public async Task Storing_a_2000_by_1125_jpeg_writes_webp_and_jpeg_renditions_at_480_960_and_1600()
    {
        var item = await StoreAsync(TestImages.Jpeg(2000, 1125));

        Assert.Equal((2000, 1125), (item.Width, item.Height));
        var stem = Path.GetFileNameWithoutExtension(item.StoragePath);
        Assert.Equal(
            new[] { $"{stem}-1600.jpg", $"{stem}-1600.webp", $"{stem}-480.jpg", $"{stem}-480.webp", $"{stem}-960.jpg", $"{stem}-960.webp", $"{stem}.jpg" },
            FilesBeside(item));
        foreach (var (width, height) in new[] { (480, 270), (960, 540), (1600, 900) })
        {
            Assert.Equal((SKEncodedImageFormat.Webp, width, height), Drop(Probe(FileOf(Renditions.Name(item.Url, width, RenditionFormat.Webp)))));
            Assert.Equal((SKEncodedImageFormat.Jpeg, width, height), Drop(Probe(FileOf(Renditions.Name(item.Url, width, RenditionFormat.Jpeg)))));
        }

        var set = Renditions.For(item)!;
        Assert.Equal([480, 960, 1600], set.Jpeg.Select(r => r.Width));
        Assert.Equal([270, 540, 900], set.Webp.Select(r => r.Height));
        Assert.All(set.Webp.Concat(set.Jpeg), r => Assert.True(File.Exists(FileOf(r.Url)), r.Url));
    }

    static (SKEncodedImageFormat, int, int) Drop((SKEncodedImageFormat Format, int Width, int Height, SKAlphaType) probe) =>
        (probe.Format, probe.Width, probe.Height);

    [Fact]
    public async Task A_700_pixel_wide_image_gets_its_480_renditions_only()
    {
        var item = await StoreAsync(TestImages.Jpeg(700, 400));

        var stem = Path.GetFileNameWithoutExtension(item.StoragePath);
        Assert.Equal(new[] { $"{stem}-480.jpg", $"{stem}-480.webp", $"{stem}.jpg" }, FilesBeside(item));
        Assert.Equal((SKEncodedImageFormat.Jpeg, 480, 274), Drop(Probe(FileOf(Renditions.Name(item.Url, 480, RenditionFormat.Jpeg)))));
        Assert.Equal([480], Renditions.For(item)!.Webp.Select(r => r.Width));
    }

    [Fact]
    public async Task An_image_narrower_than_480_pixels_keeps_its_original_only()
    {
        var item = await StoreAsync(TestImages.Jpeg(400, 300));

        Assert.Single(FilesBeside(item));
        Assert.Null(Renditions.For(item));
    }

    [Fact]
    public async Task A_transparent_png_gets_jpeg_renditions_on_white_and_webp_renditions_that_keep_the_alpha()
    {
        var item = await StoreAsync(TransparentPng(1000, 500));

        Assert.Equal("image/png", item.ContentType);
        using var jpeg = SKBitmap.Decode(FileOf(Renditions.Name(item.Url, 960, RenditionFormat.Jpeg)));
        Assert.Equal((960, 480), (jpeg.Width, jpeg.Height));
        var corner = jpeg.GetPixel(5, 5); // transparent in the original
        Assert.True(corner.Red > 245 && corner.Green > 245 && corner.Blue > 245, $"corner is {corner}, not white");
        var middle = jpeg.GetPixel(480, 240); // opaque red in the original
        Assert.True(middle.Red > 200 && middle.Green < 60 && middle.Blue < 60, $"middle is {middle}, not red");

        var webpPath = FileOf(Renditions.Name(item.Url, 960, RenditionFormat.Webp));
        Assert.Equal(SKEncodedImageFormat.Webp, Probe(webpPath).Format);
        Assert.NotEqual(SKAlphaType.Opaque, Probe(webpPath).Alpha);
        using var webp = SKBitmap.Decode(webpPath);
        Assert.True(webp.GetPixel(5, 5).Alpha < 10, $"corner alpha is {webp.GetPixel(5, 5).Alpha}");
        Assert.True(webp.GetPixel(480, 240).Alpha > 245);
    }

    [Fact]
    public async Task An_exif_rotated_jpeg_is_stored_with_its_upright_size_and_upright_renditions()
    {
        // Stored 2000×1000, left half red and right half blue; orientation 6 shows it turned a quarter clockwise:
        // 1000×2000, red on top.
        var stored = HalvesJpeg(2000, 1000, SKColors.Red, SKColors.Blue);
        var item = await StoreAsync(WithExifOrientation(stored, 6));

        Assert.Equal((1000, 2000), (item.Width, item.Height));
        Assert.Equal([480, 960], Renditions.For(item)!.Jpeg.Select(r => r.Width));
        foreach (var format in new[] { RenditionFormat.Jpeg, RenditionFormat.Webp })
        {
            using var codec = SKCodec.Create(FileOf(Renditions.Name(item.Url, 480, format)))!;
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin); // no orientation left for viewers to apply twice
            using var bitmap = SKBitmap.Decode(codec);
            Assert.Equal((480, 960), (bitmap.Width, bitmap.Height));
            var top = bitmap.GetPixel(240, 200);
            var bottom = bitmap.GetPixel(240, 760);
            Assert.True(top.Red > 200 && top.Blue < 60, $"{format}: top is {top}, not red");
            Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"{format}: bottom is {bottom}, not blue");
        }
    }

    [Fact]
    public async Task A_gif_keeps_its_original_only()
    {
        var item = await StoreAsync(Gif(800, 600));

        Assert.Equal("image/gif", item.ContentType);
        Assert.Equal((800, 600), (item.Width, item.Height));
        Assert.Equal([Path.GetFileName(item.StoragePath)], FilesBeside(item));
        Assert.Null(Renditions.For(item));
    }

    [Fact]
    public async Task A_text_file_named_photo_jpg_is_refused_and_leaves_no_file_or_row()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MediaStore>();
        using var text = new MemoryStream(Encoding.UTF8.GetBytes("Ceci n’est pas une photo.\n"));

        await Assert.ThrowsAsync<MediaRejectedException>(() => store.SaveImageAsync(text, "photo.jpg", null, null, Ct));

        var media = Path.Combine(app.DataPath, "media");
        Assert.Empty(Directory.Exists(media) ? Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories) : []);
        Assert.Equal(0, await app.WithDbAsync(db => db.Media.CountAsync(Ct)));
    }

    [Fact]
    public void Rendition_names_sit_next_to_the_original_and_only_widths_below_it_are_advertised()
    {
        Assert.Equal("/media/2026/11/abc-480.webp", Renditions.Name("/media/2026/11/abc.png", 480, RenditionFormat.Webp));
        Assert.Equal("2026/11/abc-1600.jpg", Renditions.Name("2026/11/abc.jpg", 1600, RenditionFormat.Jpeg));
        Assert.Equal([480, 960], Renditions.WidthsFor(1600, "/media/a.jpg"));
        Assert.Equal([480, 960, 1600], Renditions.WidthsFor(1601, "/media/a.webp"));
        Assert.Empty(Renditions.WidthsFor(480, "/media/a.jpg"));
        Assert.Empty(Renditions.WidthsFor(3000, "/media/a.GIF"));
        Assert.Equal(["/media/a-480.jpg 480w", "/media/a-960.jpg 960w"], RenditionSet.Srcset(Renditions.For("/media/a.jpg", 1600, 900)!.Jpeg.Select(r => (r.Url, r.Width))).Split(", "));
    }

    static byte[] TransparentPng(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    static byte[] HalvesJpeg(int width, int height, SKColor left, SKColor right)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Color = left };
            canvas.DrawRect(0, 0, width / 2f, height, paint);
            paint.Color = right;
            canvas.DrawRect(width / 2f, 0, width / 2f, height, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>Inserts, right after the JPEG's start marker, an APP1 Exif segment holding one tag: Orientation.</summary>
    static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // big-endian TIFF header, first IFD at 8
            0x00, 0x01,                                               // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01,           // tag 0x0112 Orientation, SHORT, count 1
            (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,  // the value, left-justified
            0x00, 0x00, 0x00, 0x00,                                   // no next IFD
        ];
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>A one-frame GIF89a, written by hand: Skia encodes no GIF. One colour, LZW with 2-bit codes.</summary>
    static byte[] Gif(int width, int height)
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.ASCII.GetBytes("GIF89a"));
        bytes.AddRange([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0x00, 0x00]);
        bytes.AddRange([0x20, 0x60, 0xA0, 0xFF, 0xFF, 0xFF]); // global colour table: two colours
        bytes.AddRange([0x2C, 0, 0, 0, 0, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x00]);
        bytes.Add(0x02); // LZW minimum code size
        bytes.AddRange(Blocks(Lzw(width * height)));
        bytes.Add(0x3B);
        return [.. bytes];
    }

    /// <summary>
    /// Encodes <paramref name="pixels"/> zeros with a clear code before every few codes, so the code size
    /// stays at 3 bits and no dictionary bookkeeping is needed.
    /// </summary>
    static List<byte> Lzw(int pixels)
    {
        const int clear = 4, end = 5;
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        void Emit(int code)
        {
            buffer |= code << bits;
            bits += 3;
            while (bits >= 8) { output.Add((byte)buffer); buffer >>= 8; bits -= 8; }
        }
        for (var i = 0; i < pixels; i++)
        {
            if (i % 2 == 0) Emit(clear); // after a clear, two codes fit before the code size grows to 4 bits
            Emit(0);
        }
        Emit(end);
        if (bits > 0) output.Add((byte)buffer);
        return output;
    }

    static IEnumerable<byte> Blocks(List<byte> data)
    {
        for (var i = 0; i < data.Count; i += 255)
        {
            var size = Math.Min(255, data.Count - i);
            yield return (byte)size;
            foreach (var b in data.GetRange(i, size)) yield return b;
        }
        yield return 0x00;
    }
}
