using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using Kiosque.Infrastructure;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Import.ImportSupport;

namespace Kiosque.Tests.Backup;

public sealed class BackupRestoreTests
{
    /// <summary>A site with demo content (articles, media files with renditions, settings) plus a WordPress import (comments, users, redirects).</summary>
    static async Task<KiosqueApp> SourceAsync()
    {
        var app = await KiosqueApp.CreateAsync(DatabaseKind.Sqlite, demoContent: true);
        var (code, _, error) = await RunAsync(app, "import", "wordpress", ThemeUnitTest);
        Assert.True(code == 0, error);
        await app.CreateTokenAsync("editor");
        return app;
    }

    [Theory]
    [InlineData(DatabaseKind.Postgres)]
    [InlineData(DatabaseKind.Sqlite)]
    public async Task A_sqlite_backup_restores_every_row_and_media_file_into_an_empty_instance(DatabaseKind target)
    {
        await using var source = await SourceAsync();
        var archive = Path.Combine(source.DataPath, "backup.zip");
        var (code, output, error) = await RunAsync(source, "backup", "--out", archive);
        Assert.True(code == 0, error);
        Assert.Contains("Backup written", output, StringComparison.Ordinal);

        await using var restored = await KiosqueApp.CreateAsync(target);
        var (restoreCode, restoreOutput, restoreError) = await RunAsync(restored, "restore", archive);
        Assert.True(restoreCode == 0, restoreError);
        Assert.Contains("Restored", restoreOutput, StringComparison.Ordinal);

        var expected = await SnapshotAsync(source);
        var actual = await SnapshotAsync(restored);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (entity, rows) in expected)
            Assert.True(rows.SequenceEqual(actual[entity]), $"{entity}: {rows.Count} rows backed up, {actual[entity].Count} restored, or they differ: " +
                string.Join(" | ", rows.Except(actual[entity]).Take(2)) + " ≠ " + string.Join(" | ", actual[entity].Except(rows).Take(2)));
        Assert.True(expected["Kiosque.Content.Article"].Count > 58);
        Assert.NotEmpty(expected["Kiosque.Comments.Comment"]);
        Assert.NotEmpty(expected["ArticleTags"]);

        var media = MediaHashes(source);
        Assert.NotEmpty(media);
        Assert.Equal(media, MediaHashes(restored));

        // The restored site serves its pages and accepts new rows (sequences continue after the restored ids).
        using var client = restored.CreateAnonymousClient();
        var path = await restored.WithDbAsync(db => db.Articles.Where(a => a.Slug == "template-sticky").Select(a => "/" + a.Section.Slug + "/" + a.Slug).SingleAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative), Ct)).StatusCode);
        using var api = await restored.CreateApiClientAsync();
        var created = await api.PostAsync(new Uri("/api/v1/sections", UriKind.Relative),
            new StringContent("""{"name":"Après restauration"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_damaged_archive_or_a_non_empty_instance_is_refused_and_the_target_stays_as_it_was()
    {
        await using var source = await SourceAsync();
        var archive = Path.Combine(source.DataPath, "backup.zip");
        Assert.Equal(0, (await RunAsync(source, "backup", "--out", archive)).Code);

        // A media file changed inside an otherwise valid zip: its checksum no longer matches.
        var tampered = Path.Combine(source.DataPath, "tampered.zip");
        File.Copy(archive, tampered);
        using (var zip = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            var entry = zip.Entries.Last(e => e.FullName.StartsWith("media/", StringComparison.Ordinal));
            var name = entry.FullName;
            entry.Delete();
            await using var stream = await zip.CreateEntry(name).OpenAsync(Ct);
            await stream.WriteAsync("not the picture"u8.ToArray(), Ct);
        }
        // Half an archive: not even a zip any more.
        var truncated = Path.Combine(source.DataPath, "truncated.zip");
        var bytes = await File.ReadAllBytesAsync(archive, Ct);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)], Ct);

        await using var target = await KiosqueApp.CreateAsync();
        var (code, _, error) = await RunAsync(target, "restore", tampered);
        Assert.Equal(1, code);
        Assert.Contains("does not match its checksum in the manifest: the archive is damaged. Nothing was restored.", error, StringComparison.Ordinal);
        await AssertEmptyAsync(target);

        (code, _, error) = await RunAsync(target, "restore", truncated);
        Assert.Equal(1, code);
        Assert.Contains("truncated.zip is not a readable Kiosque backup", error, StringComparison.Ordinal);
        await AssertEmptyAsync(target);

        // The source holds content: a restore never merges into it.
        var before = await CountsAsync(source);
        (code, _, error) = await RunAsync(source, "restore", archive);
        Assert.Equal(1, code);
        Assert.Contains("This instance is not empty", error, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(source));
    }

    static async Task AssertEmptyAsync(KiosqueApp app)
    {
        Assert.Equal("articles 0, pages 0, sections 0, tags 0, authors 0, users 0, media 0, comments 0, redirects 0, front 0", await CountsAsync(app));
        var media = Path.Combine(app.DataPath, "media");
        Assert.False(Directory.Exists(media) && Directory.EnumerateFiles(media, "*", SearchOption.AllDirectories).Any());
        Assert.Empty(Directory.EnumerateDirectories(app.DataPath, "restore-*"));
    }

    static Dictionary<string, string> MediaHashes(KiosqueApp app)
    {
        var root = Path.Combine(app.DataPath, "media");
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
    }

    /// <summary>
    /// Every row of every entity type of the model, as text, sorted: read through EF (not the backup's own code), so
    /// a property the backup forgot or a value it bent shows here. Instants are compared at PostgreSQL's precision (µs).
    /// </summary>
    static async Task<Dictionary<string, List<string>>> SnapshotAsync(KiosqueApp app)
    {
        var result = new Dictionary<string, List<string>>();
        var types = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.FindPrimaryKey() is not null).Select(t => t.Name).ToList()));
        foreach (var name in types)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
            var type = db.Model.FindEntityType(name)!;
            IEnumerable<object> rows = type.HasSharedClrType
                ? await db.Set<Dictionary<string, object>>(name).ToListAsync(Ct)
                : await ((IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                    .MakeGenericMethod(type.ClrType).Invoke(db, null)!).ToListAsync(Ct);
            result[name] = [.. rows.Select(row =>
            {
                var entry = db.Entry(row);
                return string.Join("; ", type.GetProperties().Select(p => p.Name + "=" + Text(entry.Property(p.Name).CurrentValue)));
            }).Order(StringComparer.Ordinal)];
        }
        return result;
    }

    static string Text(object? value) => value switch
    {
        null => "null",
        DateTime d => new DateTime(d.Ticks - d.Ticks % 10, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => new DateTime(d.UtcTicks - d.UtcTicks % 10, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
