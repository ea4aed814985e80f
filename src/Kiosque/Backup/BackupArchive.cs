using System.Data;
using System.Data.Common;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kiosque.Infrastructure;
using Kiosque.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Kiosque.Backup;

/// <summary>A backup the restore refuses, with the reason; the target is left as it was.</summary>
public sealed class BackupException(string message) : Exception(message);

public sealed record BackupManifest(string Format, int Version, DateTime CreatedAt, string Provider,
    IReadOnlyList<BackupTable> Tables, IReadOnlyList<BackupFile> Files);

/// <summary>An entity type of the model, its rows in <see cref="File"/> (JSON Lines), in the order they are restored.</summary>
public sealed record BackupTable(string Entity, string File, long Rows);

public sealed record BackupFile(string Path, long Length, string Sha256);

public sealed record BackupSummary(int Tables, long Rows, int MediaFiles);

/// <summary>
/// One zip archive holding the whole site: every entity type of the EF model as JSON Lines (so a table a later
/// feature adds is included without touching this code), the media files, and manifest.json with the SHA-256 of each.
/// Rows are written by property name and read back through the model, so a SQLite backup restores into PostgreSQL.
/// A restore checks every checksum before it writes anything, refuses an instance that already holds content,
/// and writes all rows in one transaction.
/// </summary>
public sealed class BackupArchive(KiosqueDb db, IOptions<KiosqueOptions> options, SearchIndexer search, ILogger<BackupArchive> logger)
{
    public const string Format = "kiosque-backup";
    public const int Version = 1;
    const string ManifestName = "manifest.json";
    const int Batch = 1000;
    static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    static readonly Type[] BootstrapTypes =
    [
        typeof(Content.SiteSettings), typeof(Newsletter.NewsletterList), typeof(Newsletter.NewsletterSenderLease),
        typeof(Comments.CommentJobLease), typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    ];

    /// <summary>
    /// Entity types whose rows exist before any content: the migration's seeds and what a first start creates
    /// (Infrastructure/Seeding: the settings row, the first newsletter), the data-protection keys and the background
    /// jobs' lease rows. A new instance has them; a restore replaces them (the old site's keys keep its links working).
    /// </summary>
    bool IsBootstrap(IEntityType type) => BootstrapTypes.Contains(type.ClrType)
        || db.GetService<IDesignTimeModel>().Model.FindEntityType(type.Name)?.GetSeedData().Any() == true;

    public async Task<BackupSummary> WriteAsync(string path, CancellationToken ct)
    {
        var tables = OrderedTypes();
        var temp = path + ".part";
        long rows = 0;
        var media = 0;
        try
        {
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
            {
                var files = new List<BackupFile>();
                var written = new List<BackupTable>();
                // One snapshot for every table: rows written meanwhile are either all in or all out.
                await using (var tx = await db.Database.BeginTransactionAsync(
                    db.Database.IsNpgsql() ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, ct))
                {
                    foreach (var type in tables)
                    {
                        var name = $"content/{type.GetTableName()}.jsonl";
                        var (count, hashed) = await WriteEntryAsync(zip, name, s => WriteRowsAsync(type, s, ct), ct);
                        files.Add(hashed);
                        written.Add(new BackupTable(type.Name, name, count));
                        rows += count;
                    }
                    await tx.CommitAsync(ct);
                }
                var mediaRoot = options.Value.MediaPath;
                if (Directory.Exists(mediaRoot))
                    foreach (var full in Directory.EnumerateFiles(mediaRoot, "*", System.IO.SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    {
                        var relative = Path.GetRelativePath(mediaRoot, full).Replace(Path.DirectorySeparatorChar, '/');
                        var (_, hashed) = await WriteEntryAsync(zip, "media/" + relative, async s =>
                        {
                            await using var source = File.OpenRead(full);
                            await source.CopyToAsync(s, ct);
                            return 0;
                        }, ct);
                        files.Add(hashed);
                        media++;
                    }
                var manifest = new BackupManifest(Format, Version, DateTime.UtcNow, db.Database.ProviderName ?? "", written, files);
                var entry = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
                await using var stream = await entry.OpenAsync(ct);
                await JsonSerializer.SerializeAsync(stream, manifest, new JsonSerializerOptions { WriteIndented = true }, ct);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return new BackupSummary(tables.Count, rows, media);
    }

    static async Task<(long Count, BackupFile File)> WriteEntryAsync(ZipArchive zip, string name, Func<Stream, Task<long>> write,
        CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, name.StartsWith("media/", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
        await using var stream = await entry.OpenAsync(ct);
        await using var hashing = new HashingStream(stream);
        var count = await write(hashing);
        await hashing.FlushAsync(ct);
        return (count, new BackupFile(name, hashing.Length, hashing.Hash()));
    }

    /// <summary>SELECT every mapped column, ordered by key, each value read as the provider stores it and turned into the model's.</summary>
    async Task<long> WriteRowsAsync(IEntityType type, Stream target, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToList();
        var keys = type.FindPrimaryKey()!.Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!));
        var readers = properties.Select(ValueReader).ToList();
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} ORDER BY {string.Join(", ", keys)}";
        await using var reader = await command.ExecuteReaderAsync(ct);
        await using var writer = new Utf8JsonWriter(target);
        long count = 0;
        while (await reader.ReadAsync(ct))
        {
            writer.WriteStartObject();
            for (var i = 0; i < properties.Count; i++)
            {
                writer.WritePropertyName(properties[i].Name);
                var value = await reader.IsDBNullAsync(i, ct) ? null : readers[i](reader, i);
                JsonSerializer.Serialize(writer, value, properties[i].ClrType, Json);
            }
            writer.WriteEndObject();
            await writer.FlushAsync(ct);
            writer.Reset();
            await target.WriteAsync("\n"u8.ToArray(), ct);
            count++;
        }
        return count;
    }

    static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;

    /// <summary>Reads the column as its provider type (TEXT dates on SQLite, timestamptz on PostgreSQL), then converts it to the model's.</summary>
    static Func<DbDataReader, int, object?> ValueReader(IProperty property)
    {
        var mapping = property.GetRelationalTypeMapping();
        var converter = property.GetValueConverter() ?? mapping.Converter;
        var providerType = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? mapping.ClrType) ?? converter?.ProviderClrType ?? mapping.ClrType;
        var get = GetFieldValue.MakeGenericMethod(providerType);
        return (reader, i) =>
        {
            var value = get.Invoke(reader, [i]);
            return converter is null ? value : converter.ConvertFromProvider(value);
        };
    }

    /// <summary>The model's tables, principals before their dependents (foreign keys), so inserts never point at a missing row.</summary>
    List<IEntityType> OrderedTypes()
    {
        var types = db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && t.FindPrimaryKey() is not null && !t.IsOwned()).ToList();
        if (types.FirstOrDefault(t => t.BaseType is not null) is { } derived)
            throw new NotSupportedException($"Backups do not handle entity inheritance yet ({derived.Name}).");
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType t)
        {
            if (ordered.Contains(t)) return;
            if (!visiting.Add(t)) throw new NotSupportedException($"Backups cannot order a cycle of foreign keys through {t.Name}.");
            foreach (var fk in t.GetForeignKeys().Where(fk => fk.PrincipalEntityType != t)) Visit(fk.PrincipalEntityType);
            visiting.Remove(t);
            ordered.Add(t);
        }
        foreach (var t in types.OrderBy(t => t.Name, StringComparer.Ordinal)) Visit(t);
        return ordered;
    }

    public async Task<BackupSummary> RestoreAsync(string path, CancellationToken ct)
    {
        using var zip = OpenArchive(path);
        var manifest = ReadManifest(zip);
        var model = db.Model.GetEntityTypes().ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var table in manifest.Tables)
            if (!model.ContainsKey(table.Entity))
                throw new BackupException($"The backup holds \"{table.Entity}\", which this version of Kiosque does not know: restore it with the version that made it, or a newer one.");
        await RefuseUnlessEmptyAsync(ct);

        // Every byte is checked before anything is written: media go to a staging folder, rows are only read.
        var mediaRoot = options.Value.MediaPath;
        var staging = Path.Combine(options.Value.FullDataPath, "restore-" + Guid.NewGuid().ToString("N")[..12]);
        var mediaFiles = 0;
        try
        {
            foreach (var file in manifest.Files)
            {
                var entry = zip.GetEntry(file.Path) ?? throw new BackupException($"The archive lacks {file.Path}, which its manifest lists.");
                Stream target = Stream.Null;
                if (file.Path.StartsWith("media/", StringComparison.Ordinal))
                {
                    var full = Path.GetFullPath(Path.Combine(staging, file.Path["media/".Length..]));
                    if (!full.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        throw new BackupException($"The archive's entry {file.Path} points outside the media folder.");
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    target = File.Create(full);
                    mediaFiles++;
                }
                await using (target)
                    await VerifyAsync(entry, file, target, ct);
            }
            var unlisted = zip.Entries.Select(e => e.FullName).Except(manifest.Files.Select(f => f.Path).Append(ManifestName)).FirstOrDefault();
            if (unlisted is not null) throw new BackupException($"The archive holds {unlisted}, which its manifest does not list.");

            long rows = 0;
            var strategy = db.Database.CreateExecutionStrategy();
            await strategy.ExecuteAsync(async () =>
            {
                rows = 0;
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var type in OrderedTypes().Where(IsBootstrap))
                {
                    // Identifiers from the model, never from input.
                    var delete = "DELETE FROM " + Delimited(type);
                    await db.Database.ExecuteSqlRawAsync(delete, ct);
                }
                var byEntity = manifest.Tables.ToDictionary(t => t.Entity, StringComparer.Ordinal);
                foreach (var type in OrderedTypes())
                    if (byEntity.TryGetValue(type.Name, out var table))
                        rows += await RestoreRowsAsync(zip, table, type, ct);
                if (db.Database.IsNpgsql()) await ResetSequencesAsync(ct);
                await tx.CommitAsync(ct);
            });
            db.ChangeTracker.Clear();

            if (Directory.Exists(staging))
            {
                Directory.CreateDirectory(mediaRoot);
                foreach (var full in Directory.EnumerateFiles(staging, "*", System.IO.SearchOption.AllDirectories))
                {
                    var destination = Path.Combine(mediaRoot, Path.GetRelativePath(staging, full));
                    Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                    File.Move(full, destination, overwrite: false);
                }
            }
            try { await search.ReindexAllAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Rebuilding the search index after the restore failed");
            }
            return new BackupSummary(manifest.Tables.Count, rows, mediaFiles);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    static ZipArchive OpenArchive(string path)
    {
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new BackupException($"{Path.GetFileName(path)} is not a readable Kiosque backup: {e.Message}");
        }
    }

    static BackupManifest ReadManifest(ZipArchive zip)
    {
        var entry = zip.GetEntry(ManifestName) ?? throw new BackupException("The archive has no manifest.json: it is not a Kiosque backup.");
        try
        {
            using var stream = entry.Open();
            var manifest = JsonSerializer.Deserialize<BackupManifest>(stream);
            if (manifest is null || manifest.Format != Format || manifest.Tables is null || manifest.Files is null)
                throw new BackupException("manifest.json does not describe a Kiosque backup.");
            if (manifest.Version > Version)
                throw new BackupException($"The backup's format version {manifest.Version} is newer than this Kiosque's ({Version}).");
            return manifest;
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw new BackupException($"manifest.json is damaged: {e.Message}");
        }
    }

    static async Task VerifyAsync(ZipArchiveEntry entry, BackupFile file, Stream target, CancellationToken ct)
    {
        try
        {
            await using var source = await entry.OpenAsync(ct);
            await using var hashing = new HashingStream(target);
            await source.CopyToAsync(hashing, ct);
            if (hashing.Length != file.Length || !string.Equals(hashing.Hash(), file.Sha256, StringComparison.OrdinalIgnoreCase))
                throw new BackupException($"{file.Path} does not match its checksum in the manifest: the archive is damaged. Nothing was restored.");
        }
        catch (InvalidDataException e)
        {
            throw new BackupException($"{file.Path} cannot be read ({e.Message}): the archive is damaged. Nothing was restored.");
        }
    }

    /// <summary>Content means any row other than the bootstrap rows (see <see cref="IsBootstrap"/>): a restore never merges.</summary>
    async Task RefuseUnlessEmptyAsync(CancellationToken ct)
    {
        foreach (var type in OrderedTypes().Where(t => !IsBootstrap(t)))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT 1 FROM {Delimited(type)} LIMIT 1";
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                if (await command.ExecuteScalarAsync(ct) is not null)
                    throw new BackupException($"This instance is not empty ({type.GetTableName()} has rows): restore into a new, empty database.");
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        var media = options.Value.MediaPath;
        if (Directory.Exists(media) && Directory.EnumerateFiles(media, "*", System.IO.SearchOption.AllDirectories).Any())
            throw new BackupException($"This instance is not empty (its media folder {media} holds files): restore into a new, empty instance.");
    }

    string Delimited(IEntityType type) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(type.GetTableName()!, type.GetSchema());

    async Task<long> RestoreRowsAsync(ZipArchive zip, BackupTable table, IEntityType type, CancellationToken ct)
    {
        var entry = zip.GetEntry(table.File) ?? throw new BackupException($"The archive lacks {table.File}.");
        var properties = type.GetProperties().ToDictionary(p => p.Name, StringComparer.Ordinal);
        await using var stream = await entry.OpenAsync(ct);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        long count = 0;
        var pending = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0) continue;
            count++;
            using var row = JsonDocument.Parse(line);
            var entity = type.HasSharedClrType ? new Dictionary<string, object>() : Activator.CreateInstance(type.ClrType, nonPublic: true)!;
            var entityEntry = type.HasSharedClrType
                ? db.Set<Dictionary<string, object>>(type.Name).Entry((Dictionary<string, object>)entity)
                : db.Entry(entity);
            foreach (var property in row.RootElement.EnumerateObject())
            {
                if (!properties.TryGetValue(property.Name, out var p))
                    throw new BackupException($"{table.File}, row {count}: \"{property.Name}\" is not a property of {type.ShortName()} in this version of Kiosque.");
                object? value;
                try { value = JsonSerializer.Deserialize(property.Value, p.ClrType, Json); }
                catch (JsonException e) { throw new BackupException($"{table.File}, row {count}: {property.Name} cannot be read ({e.Message})."); }
                // PostgreSQL keeps instants as UTC; every date the application writes is UTC.
                if (value is DateTime { Kind: DateTimeKind.Unspecified } d) value = DateTime.SpecifyKind(d, DateTimeKind.Utc);
                entityEntry.Property(property.Name).CurrentValue = value;
            }
            entityEntry.State = EntityState.Added;
            if (++pending >= Batch)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (count != table.Rows) throw new BackupException($"{table.File} holds {count} rows where the manifest says {table.Rows}.");
        return count;
    }

    /// <summary>Rows came with their ids: each identity sequence continues after the highest one.</summary>
    async Task ResetSequencesAsync(CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var type in OrderedTypes())
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            foreach (var p in type.FindPrimaryKey()!.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            {
                var column = p.GetColumnName(table)!;
                var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
                var command = $"SELECT setval(pg_get_serial_sequence('{tableName.Replace("'", "''", StringComparison.Ordinal)}', '{column.Replace("'", "''", StringComparison.Ordinal)}'), " +
                    $"COALESCE((SELECT MAX({sql.DelimitIdentifier(column)}) FROM {tableName}), 0) + 1, false) WHERE pg_get_serial_sequence('{tableName.Replace("'", "''", StringComparison.Ordinal)}', '{column.Replace("'", "''", StringComparison.Ordinal)}') IS NOT NULL";
                await db.Database.ExecuteSqlRawAsync(command, ct);
            }
        }
    }

    /// <summary>Passes bytes through to the inner stream and hashes them on the way.</summary>
    sealed class HashingStream(Stream inner) : Stream
    {
        readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length;

        public string Hash() => Convert.ToHexStringLower(hash.GetCurrentHash());
        public override long Length => length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            length += buffer.Length;
            inner.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            hash.AppendData(buffer.Span);
            length += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        protected override void Dispose(bool disposing)
        {
            if (disposing) hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
