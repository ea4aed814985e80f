using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Kiosque.Media;

public sealed class MediaRejectedException(string message) : Exception(message);

/// <summary>An image written to the media folder: the original's storage path and every file written for it.</summary>
public sealed record StoredImage(string StoragePath, string ContentType, long Length, int Width, int Height, DateTime CreatedAt,
    IReadOnlyList<string> Files);

/// <summary>
/// Stores uploaded images under {DataPath}/media/yyyy/MM/ after checking by their content (not their name)
/// that they are images the site can serve, with their renditions (see <see cref="Renditions"/>) beside them.
/// Files are written before the row is saved and removed if it fails. Width and height are as displayed,
/// after the EXIF orientation.
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
        var stored = await StoreFilesAsync(content, ct);
        var item = Add(stored, alt, caption, credit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            DeleteFiles(stored.Files);
            throw;
        }
        return item;
    }

    /// <summary>Adds the row of files already stored; the caller saves it, and deletes the files if that fails.</summary>
    public MediaItem Add(StoredImage stored, string alt, string? caption, string? credit)
    {
        var item = new MediaItem
        {
            Url = "/media/" + stored.StoragePath,
            StoragePath = stored.StoragePath,
            ContentType = stored.ContentType,
            Length = stored.Length,
            Width = stored.Width,
            Height = stored.Height,
            Alt = alt.Trim(),
            Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(),
            Credit = string.IsNullOrWhiteSpace(credit) ? null : credit.Trim(),
            CreatedAt = stored.CreatedAt,
        };
        db.Media.Add(item);
        return item;
    }

    /// <summary>
    /// Checks the content, then writes the original and its renditions; touches no database, so several files
    /// can be prepared at once. If anything fails, the files already written are removed.
    /// </summary>
    public async Task<StoredImage> StoreFilesAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await CopyBoundedAsync(content, buffer, MaxBytes, ct);
        if (buffer.Length == 0) throw new MediaRejectedException("The file is empty.");

        // A codec of its own over the bytes: the buffer is read again below to write the original.
        using var data = SKData.CreateCopy(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        var source = new SKMemoryStream(data);
        using var codec = SKCodec.Create(source, out var result);
        if (codec is null) source.Dispose();
        if (codec is null || result != SKCodecResult.Success || !Accepted.TryGetValue(codec.EncodedFormat, out var kind))
            throw new MediaRejectedException("The file is not a JPEG, PNG, WebP or GIF image.");
        var (width, height) = RenditionMaker.UprightSize(codec);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
            throw new MediaRejectedException($"The image's dimensions ({width}×{height}) are not accepted.");

        var now = clock.GetUtcNow().UtcDateTime;
        var relative = $"{now:yyyy}/{now:MM}/{Guid.NewGuid():N}{kind.Extension}";
        var fullPath = Path.Combine(options.Value.MediaPath, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var files = new List<string> { fullPath };
        try
        {
            buffer.Position = 0;
            await using (var file = File.Create(fullPath))
                await buffer.CopyToAsync(file, ct);

            // Animated images keep their original only: a still rendition would lose the animation.
            var widths = codec.FrameCount > 1 ? [] : Renditions.WidthsFor(width, relative);
            if (widths.Count > 0)
                await RenditionMaker.MakeAsync(codec, widths, async (w, format, encoded) =>
                {
                    var path = Path.Combine(options.Value.MediaPath, Renditions.Name(relative, w, format));
                    files.Add(path);
                    await using var file = File.Create(path);
                    await using var stream = encoded.AsStream();
                    await stream.CopyToAsync(file, ct);
                }, ct);
        }
        catch
        {
            DeleteFiles(files);
            throw;
        }
        return new StoredImage(relative, kind.ContentType, buffer.Length, width, height, now, files);
    }

    static void DeleteFiles(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            try { File.Delete(file); }
            catch (IOException) { /* an orphan file costs disk space, never correctness */ }
            catch (UnauthorizedAccessException) { }
        }
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
