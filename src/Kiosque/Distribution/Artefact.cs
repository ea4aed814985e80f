using System.Security.Cryptography;

namespace Kiosque.Distribution;

/// <summary>A built feed or sitemap: its bytes and what conditional requests compare.</summary>
public sealed record Artefact(byte[] Content, string ContentType, string ETag, DateTimeOffset LastModified)
{
    public static Artefact Of(byte[] content, string contentType, DateTime lastModifiedUtc) => new(
        content, contentType,
        "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"",
        // HTTP dates have whole seconds.
        new DateTimeOffset(DateTime.SpecifyKind(lastModifiedUtc, DateTimeKind.Utc)).AddTicks(-(lastModifiedUtc.Ticks % TimeSpan.TicksPerSecond)));
}

