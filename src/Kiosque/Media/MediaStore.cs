using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Kiosque.Media;

public sealed class MediaRejectedException(string message) : Exception(message);

/// <summary>
/// Stores uploaded images under {DataPath}/media/yyyy/MM/ after checking by their content (not their name)
/// that they are images the site can serve. Files are written before the row is saved and removed if it fails.
/// </summary>
public sealed class MediaStore(KiosqueDb db, IOptions<KiosqueOptions> options, TimeProvider clock)
{
    static readonly Dictionary<SKEncodedImageFormat, (string Extension, string ContentType)> Accepted = new()
    {
        [SKEncodedImageFormat.Jpeg] = (".jpg", "image/jpeg"),
        [SKEncodedImageFormat.Png] = (".png", "image/png"),
        [SKEncodedImageFormat.Webp] = (".webp", "image/webp"),
        [SKEncodedImageFormat.Gif] = (".gif", "image/gif"),
    };

    public const int MaxPixels = 50_000_000;

    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<MediaItem> SaveImageAsync(Stream content, string alt, string? caption, string? credit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await CopyBoundedAsync(content, buffer, MaxBytes, ct);
        if (buffer.Length == 0) throw new MediaRejectedException("The file is empty.");

        buffer.Position = 0;
        using var codec = SKCodec.Create(buffer, out var result);
        if (codec is null || result != SKCodecResult.Success || !Accepted.TryGetValue(codec.EncodedFormat, out var kind))
            throw new MediaRejectedException("The file is not a JPEG, PNG, WebP or GIF image.");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
            throw new MediaRejectedException($"The image's dimensions ({width}×{height}) are not accepted.");

        var now = clock.GetUtcNow().UtcDateTime;
        var relative = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}{kind.Extension}";
        var fullPath = Path.Combine(options.Value.MediaPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        buffer.Position = 0;
        await using (var file = File.Create(fullPath))
            await buffer.CopyToAsync(file, ct);

        var item = new MediaItem
        {
            Url = "/media/" + relative,
            StoragePath = relative,
            ContentType = kind.ContentType,
            Length = buffer.Length,
            Width = width,
            Height = height,
            Alt = alt.Trim(),
            Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(),
            Credit = string.IsNullOrWhiteSpace(credit) ? null : credit.Trim(),
            CreatedAt = now,
        };
        db.Media.Add(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(fullPath);
            throw;
        }
        return item;
    }

    static async Task CopyBoundedAsync(Stream source, Stream target, long max, CancellationToken ct)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            if (target.Length + read > max)
                throw new MediaRejectedException($"The file is larger than {max / 1024 / 1024} MB.");
            await target.WriteAsync(chunk.AsMemory(0, read), ct);
        }
    }
}
