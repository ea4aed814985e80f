using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Kiosque.Accounts;
using Kiosque.Api;
using Kiosque.Comments;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Media;
using Kiosque.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Import;

public sealed record WordPressImportOptions(string? UploadsPath = null, bool DryRun = false);

/// <summary>What an import created, left alone (already imported) and skipped, with notes naming the items.</summary>
public sealed class WordPressImportReport
{
    public bool DryRun { get; init; }
    public int Items { get; set; }
    public int Sections { get; set; }
    public int Tags { get; set; }
    public int Authors { get; set; }
    public int Accounts { get; set; }
    public int Articles { get; set; }
    public int Pages { get; set; }
    public int Media { get; set; }
    public int MediaFiles { get; set; }
    public int Comments { get; set; }
    public int Redirects { get; set; }
    public int FrontPage { get; set; }
    public int AlreadyImported { get; set; }
    public int Skipped { get; set; }
    public List<string> Notes { get; } = [];

    public void Note(string note)
    {
        if (Notes.Count < 200) Notes.Add(note);
    }

    /// <summary>In the current UI culture's language (see <see cref="ImportText"/>).</summary>
    public string Summary => ImportText.Summary(this);
}

/// <summary>
/// Imports a WordPress export (WXR) in two passes over the file: the first reads and checks all of it and collects
/// what the second needs (authors, terms, attachments, sticky posts); the second writes everything in one
/// transaction, in batches so that memory stays flat. Any failure rolls everything back. Entries already imported
/// (same site and WordPress id, kept in SourceId) are left as they are, so running it again creates nothing new.
/// </summary>
public sealed partial class WordPressImporter(KiosqueDb db, HtmlSanitizing sanitizing, MediaStore media, SearchIndexer search,
    TimeProvider clock, ILogger<WordPressImporter> logger)
{
    const int Batch = 250;
    public static readonly Actor ImportActor = new("system:import", "Import WordPress", ActorRole.Admin);

    sealed class Scan
    {
        public WxrSite Site = new(null, null);
        public List<WxrAuthor> Authors { get; } = [];
        public List<WxrTerm> Terms { get; } = [];
        public Dictionary<long, WxrItem> Attachments { get; } = [];
        public Dictionary<long, List<long>> ChildAttachments { get; } = [];
        public int Items;
    }

    public async Task<WordPressImportReport> ImportAsync(string path, WordPressImportOptions importOptions, Actor actor,
        IProgress<(int Done, int Total)>? progress, CancellationToken ct)
    {
        var scan = ScanFile(path, ct);
        scanChildren = scan.ChildAttachments;
        var report = new WordPressImportReport { DryRun = importOptions.DryRun, Items = scan.Items };
        progress?.Report((0, scan.Items));
        var site = SiteKey(scan.Site.BaseUrl);
        var storedFiles = new List<string>();
        var createdArticles = new List<int>();
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var state = new ImportState(site, now, report);
                await ImportTermsAsync(scan, state, ct);
                await ImportAuthorsAsync(scan, state, ct);
                await ImportAttachmentsAsync(scan, state, importOptions, storedFiles, ct);
                // From here on rows are only added, never changed once tracked: the states set by Add are all a save
                // needs, and a change scan of every tracked row before each save (EF's, then the cache interceptor's)
                // would only cost time.
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                try
                {
                    await ImportItemsAsync(path, scan, state, progress, createdArticles, ct);
                    await AddFrontPageAsync(state, ct);
                }
                finally
                {
                    db.ChangeTracker.AutoDetectChangesEnabled = true;
                }
                db.Record(actor, importOptions.DryRun ? "import.wordpress.dry-run" : "import.wordpress", "Import",
                    Path.GetFileName(path), report.Summary, now);
                await db.SaveChangesAsync(ct);
                if (importOptions.DryRun) await tx.RollbackAsync(ct);
                else await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
            });
        }
        catch
        {
            db.ChangeTracker.Clear();
            DeleteFiles(storedFiles);
            throw;
        }
        if (!importOptions.DryRun && createdArticles.Count > 0)
        {
            try { await search.IndexAsync(createdArticles, ct); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The import is committed; the index can be rebuilt, so a failure here is logged, not thrown.
                logger.LogError(e, "Indexing the imported articles failed");
            }
        }
        return report;
    }

    /// <summary>The first pass: reads all of it (any malformed part throws with its line) and keeps only what is small.</summary>
    static Scan ScanFile(string path, CancellationToken ct)
    {
        var scan = new Scan();
        var known = new HashSet<(bool, string)>();
        using var stream = OpenFile(path);
        foreach (var entry in WxrReader.Read(stream))
        {
            ct.ThrowIfCancellationRequested();
            switch (entry)
            {
                case WxrSite s: scan.Site = s; break;
                case WxrAuthor a: scan.Authors.Add(a); break;
                case WxrTerm t:
                    if (known.Add((t.IsTag, t.Slug))) scan.Terms.Add(t);
                    break;
                case WxrItem item:
                    scan.Items++;
                    // Terms used by entries but not declared at the top (partial exports) are created too.
                    foreach (var term in item.Terms)
                        if (known.Add((term.IsTag, term.Slug)))
                            scan.Terms.Add(new WxrTerm(item.Line, term.IsTag, term.Slug, term.Name, null));
                    if (item.PostType == "attachment")
                    {
                        item.Content = "";
                        item.Comments.Clear();
                        scan.Attachments[item.PostId] = item;
                        if (item.ParentId > 0)
                        {
                            if (!scan.ChildAttachments.TryGetValue(item.ParentId, out var list)) scan.ChildAttachments[item.ParentId] = list = [];
                            list.Add(item.PostId);
                        }
                    }
                    break;
                default: break;
            }
        }
        return scan;
    }

    static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);

    sealed class ImportState(string site, DateTime now, WordPressImportReport report)
    {
        public string Site { get; } = site;
        public DateTime Now { get; } = now;
        public WordPressImportReport Report { get; } = report;
        public Dictionary<string, int> Sections { get; } = new(StringComparer.Ordinal);
        public int? DefaultSectionId { get; set; }
        public Dictionary<string, (int Id, string Name, string Slug)> Tags { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, (int AuthorId, string? UserId)> Authors { get; } = new(StringComparer.Ordinal);
        public Dictionary<long, AttachmentRef> Attachments { get; } = [];
        public Dictionary<long, int> MediaIds { get; } = [];
        public Dictionary<string, string> MovedUrls { get; } = new(StringComparer.Ordinal);
        public HashSet<string> ArticleSlugs { get; } = new(StringComparer.Ordinal);
        public HashSet<string> PageSlugs { get; } = new(StringComparer.Ordinal);
        public HashSet<string> SectionSlugs { get; } = new(StringComparer.Ordinal);
        public HashSet<string> SourceIds { get; } = new(StringComparer.Ordinal);
        public HashSet<string> RedirectPaths { get; } = new(StringComparer.Ordinal);
        /// <summary>The tags attached to the change tracker in the current batch (cleared with it).</summary>
        public Dictionary<int, Tag> TagStubs { get; } = [];
        public List<int> StickyArticles { get; } = [];
        public string Source(string kind, long id) => $"wordpress:{Site}/{kind}/{id.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>"https://blog.example.org/" → "blog.example.org": with the WordPress id, what makes SourceId unique.</summary>
    static string SiteKey(string? baseUrl)
    {
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
            return (uri.Host + uri.AbsolutePath.TrimEnd('/')).ToLowerInvariant();
        return "unknown-site";
    }

    async Task ImportTermsAsync(Scan scan, ImportState state, CancellationToken ct)
    {
        state.SectionSlugs.UnionWith(await db.Sections.Select(s => s.Slug).ToListAsync(ct));
        state.PageSlugs.UnionWith(await db.Pages.Select(p => p.Slug).ToListAsync(ct));
        var sections = await db.Sections.ToDictionaryAsync(s => s.Slug, s => s.Id, StringComparer.Ordinal, ct);
        var position = await db.Sections.Select(s => (int?)s.Position).MaxAsync(ct) ?? 0;
        var tags = await db.Tags.ToDictionaryAsync(t => t.Slug, t => (t.Id, t.Name, t.Slug), StringComparer.Ordinal, ct);
        var newSections = new List<(string WpSlug, Section Section)>();
        var newTags = new List<(string WpSlug, Tag Tag)>();
        foreach (var term in scan.Terms)
        {
            var slug = TermSlug(term.Slug, term.Name);
            if (term.IsTag)
            {
                if (slug.Length > 100) slug = slug[..100].TrimEnd('-');
                if (slug.Length == 0 || state.Tags.ContainsKey(term.Slug)) continue;
                if (tags.TryGetValue(slug, out var existing)) state.Tags[term.Slug] = existing;
                else if (newTags.Find(t => t.Tag.Slug == slug) is { Tag: not null } same) newTags.Add((term.Slug, same.Tag));
                else newTags.Add((term.Slug, new Tag { Name = Limit(WebUtility.HtmlDecode(term.Name), 100), Slug = slug }));
                continue;
            }
            if (slug.Length > 100) slug = slug[..100].TrimEnd('-');
            if (slug.Length == 0) slug = "rubrique";
            if (state.Sections.ContainsKey(term.Slug) || newSections.Exists(s => s.WpSlug == term.Slug)) continue;
            if (sections.TryGetValue(slug, out var id))
            {
                state.Sections[term.Slug] = id;
                continue;
            }
            if (Slugs.Reserved.Contains(slug) || state.PageSlugs.Contains(slug) || state.SectionSlugs.Contains(slug))
                slug = Unique(slug + "-rubrique", s => state.SectionSlugs.Contains(s) || state.PageSlugs.Contains(s));
            state.SectionSlugs.Add(slug);
            newSections.Add((term.Slug, new Section
            {
                Name = Limit(WebUtility.HtmlDecode(term.Name), 100), Slug = slug,
                Description = term.Description is null ? null : PlainText(term.Description), Position = ++position,
            }));
        }
        db.Sections.AddRange(newSections.Select(s => s.Section));
        db.Tags.AddRange(newTags.Select(t => t.Tag).Distinct());
        await db.SaveChangesAsync(ct);
        foreach (var (wpSlug, section) in newSections) state.Sections[wpSlug] = section.Id;
        foreach (var (wpSlug, tag) in newTags) state.Tags[wpSlug] = (tag.Id, tag.Name, tag.Slug);
        state.Report.Sections = newSections.Count;
        state.Report.Tags = newTags.Select(t => t.Tag).Distinct().Count();
        db.ChangeTracker.Clear();
    }

    async Task<int> DefaultSectionAsync(ImportState state, CancellationToken ct)
    {
        if (state.DefaultSectionId is { } known) return known;
        var existing = await db.Sections.Where(s => s.Slug == "non-classe").Select(s => (int?)s.Id).SingleOrDefaultAsync(ct);
        if (existing is null)
        {
            var position = await db.Sections.Select(s => (int?)s.Position).MaxAsync(ct) ?? 0;
            var section = new Section { Name = "Non classé", Slug = "non-classe", Position = position + 1 };
            db.Sections.Add(section);
            await db.SaveChangesAsync(ct);
            state.Report.Sections++;
            existing = section.Id;
        }
        state.DefaultSectionId = existing;
        return existing.Value;
    }

    /// <summary>Authors become bylines; each with an address gets a newsroom account, disabled until someone invites them.</summary>
    async Task ImportAuthorsAsync(Scan scan, ImportState state, CancellationToken ct)
    {
        var contributorRole = await db.Roles.Where(r => r.Name == Roles.Contributor).Select(r => r.Id).SingleAsync(ct);
        foreach (var wpAuthor in scan.Authors.DistinctBy(a => a.Login))
        {
            var slug = Slugs.From(wpAuthor.Login, 200);
            if (slug.Length == 0) slug = Slugs.From(wpAuthor.DisplayName, 200);
            if (slug.Length == 0) slug = "auteur-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(wpAuthor.Login)))[..8];
            var author = await db.Authors.SingleOrDefaultAsync(a => a.Slug == slug, ct);
            if (author is null)
            {
                author = new Author { Name = Limit(WebUtility.HtmlDecode(wpAuthor.DisplayName), 200), Slug = slug };
                db.Authors.Add(author);
                state.Report.Authors++;
            }
            await db.SaveChangesAsync(ct);
            string? userId = null;
            if (wpAuthor.Email is { Length: <= 256 } email && new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            {
                var normalized = email.ToUpperInvariant();
                var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
                if (user is null)
                {
                    user = new NewsroomUser
                    {
                        UserName = email,
                        NormalizedUserName = normalized,
                        Email = email,
                        NormalizedEmail = normalized,
                        EmailConfirmed = true,
                        DisplayName = author.Name,
                        AuthorId = author.Id,
                        CreatedAt = state.Now,
                        DisabledAt = state.Now,
                        SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
                        ConcurrencyStamp = Guid.NewGuid().ToString(),
                        LockoutEnabled = true,
                    };
                    db.Users.Add(user);
                    db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = contributorRole });
                    state.Report.Accounts++;
                    await db.SaveChangesAsync(ct);
                }
                else if (user.AuthorId is null)
                {
                    user.AuthorId = author.Id;
                    await db.SaveChangesAsync(ct);
                }
                userId = user.Id;
            }
            state.Authors[wpAuthor.Login] = (author.Id, userId);
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Attachments become media rows; with an uploads folder, the images found there are stored through the media store.</summary>
    async Task ImportAttachmentsAsync(Scan scan, ImportState state, WordPressImportOptions importOptions, List<string> storedFiles,
        CancellationToken ct)
    {
        var prefix = state.Source("attachment", 0)[..^1];
        var existing = await db.Media.Where(m => m.SourceId != null && m.SourceId.StartsWith(prefix))
            .Select(m => new { m.Id, m.SourceId, m.Url, m.Alt, m.Caption }).ToListAsync(ct);
        var bySource = existing.ToDictionary(m => m.SourceId!, StringComparer.Ordinal);
        var uploads = importOptions.UploadsPath is null ? null : Path.GetFullPath(importOptions.UploadsPath);
        var added = new List<(long WpId, MediaItem Item)>();
        foreach (var a in scan.Attachments.Values)
        {
            ct.ThrowIfCancellationRequested();
            var url = a.AttachmentUrl ?? a.GuidText ?? "";
            var alt = a.Meta.GetValueOrDefault("_wp_attachment_image_alt") is { Length: > 0 } metaAlt ? metaAlt : a.Title;
            var caption = string.IsNullOrWhiteSpace(a.Excerpt) ? null : PlainText(a.Excerpt);
            if (bySource.TryGetValue(state.Source("attachment", a.PostId), out var known))
            {
                state.MediaIds[a.PostId] = known.Id;
                state.Attachments[a.PostId] = new AttachmentRef(known.Url, known.Alt, known.Caption);
                if (known.Url != url && url.Length > 0) state.MovedUrls[url] = known.Url;
                state.Report.AlreadyImported++;
                continue;
            }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                state.Report.Skipped++;
                state.Report.Note(ImportText.AtLine(a.Line, ImportText.AttachmentWithoutAddress(a.PostId)));
                continue;
            }
            MediaItem? item = null;
            if (uploads is not null && !importOptions.DryRun && FindUpload(uploads, uri, a.Meta.GetValueOrDefault("_wp_attached_file")) is { } file)
            {
                try
                {
                    await using var content = File.OpenRead(file);
                    var stored = await media.StoreFilesAsync(content, ct);
                    storedFiles.AddRange(stored.Files);
                    item = new MediaItem
                    {
                        Url = "/media/" + stored.StoragePath, StoragePath = stored.StoragePath, ContentType = stored.ContentType,
                        Length = stored.Length, Width = stored.Width, Height = stored.Height,
                    };
                    state.Report.MediaFiles++;
                    state.MovedUrls[url] = item.Url;
                }
                catch (MediaRejectedException e)
                {
                    state.Report.Note(ImportText.AtLine(a.Line, ImportText.AttachmentNotCopied(a.PostId, e.Message)));
                }
            }
            item ??= new MediaItem { Url = Limit(url, 500), ContentType = ContentTypeOf(uri.AbsolutePath) };
            item.Alt = Limit(alt, 1000);
            item.Caption = caption is null ? null : Limit(caption, 2000);
            item.CreatedAt = a.When ?? state.Now;
            item.SourceId = state.Source("attachment", a.PostId);
            db.Media.Add(item);
            added.Add((a.PostId, item));
            state.Attachments[a.PostId] = new AttachmentRef(item.Url, item.Alt, item.Caption);
        }
        await db.SaveChangesAsync(ct);
        foreach (var (wpId, item) in added) state.MediaIds[wpId] = item.Id;
        state.Report.Media = added.Count;
        db.ChangeTracker.Clear();
    }

    /// <summary>The file under the uploads folder: by "_wp_attached_file" (yyyy/mm/name.jpg) or the URL's path after /uploads/.</summary>
    static string? FindUpload(string uploads, Uri url, string? attachedFile)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(attachedFile)) candidates.Add(attachedFile);
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        var i = path.IndexOf("/uploads/", StringComparison.Ordinal);
        candidates.Add(i >= 0 ? path[(i + "/uploads/".Length)..] : path.TrimStart('/'));
        foreach (var candidate in candidates)
        {
            var full = Path.GetFullPath(Path.Combine(uploads, candidate.TrimStart('/')));
            // Never outside the folder given, whatever "../" the export holds.
            if (full.StartsWith(uploads + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full)) return full;
        }
        return null;
    }

    /// <summary>The second pass: posts and pages with their comments and redirects, saved in batches.</summary>
    async Task ImportItemsAsync(string path, Scan scan, ImportState state, IProgress<(int Done, int Total)>? progress,
        List<int> createdArticles, CancellationToken ct)
    {
        var prefix = $"wordpress:{state.Site}/";
        state.SourceIds.UnionWith(await db.Articles.Where(a => a.SourceId != null && a.SourceId.StartsWith(prefix)).Select(a => a.SourceId!).ToListAsync(ct));
        state.SourceIds.UnionWith(await db.Pages.Where(p => p.SourceId != null && p.SourceId.StartsWith(prefix)).Select(p => p.SourceId!).ToListAsync(ct));
        state.SourceIds.UnionWith(await db.Comments.Where(c => c.SourceId != null && c.SourceId.StartsWith(prefix)).Select(c => c.SourceId!).ToListAsync(ct));
        state.ArticleSlugs.UnionWith(await db.Articles.Select(a => a.Slug).ToListAsync(ct));
        var sectionSlugs = await db.Sections.ToDictionaryAsync(s => s.Id, s => s.Slug, ct);
        var done = 0;
        var batch = new List<(WxrItem Item, Article? Article, Page? Page)>();
        using var stream = OpenFile(path);
        foreach (var entry in WxrReader.Read(stream))
        {
            ct.ThrowIfCancellationRequested();
            if (entry is not WxrItem item) continue;
            // Every item read moves the newsroom's progress bar, even in an export smaller than one batch.
            progress?.Report((++done, scan.Items));
            switch (item.PostType)
            {
                case "post":
                    if (await ArticleAsync(item, state, ct) is { } article) batch.Add((item, article, null));
                    else if (state.SourceIds.Contains(state.Source("post", item.PostId))) batch.Add((item, null, null));
                    break;
                case "page":
                    if (PageOf(item, state) is { } page) batch.Add((item, null, page));
                    break;
                case "attachment":
                    break;
                default:
                    state.Report.Skipped++;
                    break;
            }
            if (batch.Count >= Batch) await SaveBatchAsync(batch, state, sectionSlugs, createdArticles, ct);
        }
        await SaveBatchAsync(batch, state, sectionSlugs, createdArticles, ct);
    }

    async Task<Article?> ArticleAsync(WxrItem item, ImportState state, CancellationToken ct)
    {
        var source = state.Source("post", item.PostId);
        if (state.SourceIds.Contains(source))
        {
            state.Report.AlreadyImported++;
            return null;
        }
        if (item.Status is "trash" or "auto-draft" or "inherit")
        {
            state.Report.Skipped++;
            return null;
        }
        var (status, publishedAt) = item.Status switch
        {
            "publish" when item.Password.Length == 0 => (ArticleStatus.Published, item.When ?? state.Now),
            "future" => (ArticleStatus.Scheduled, item.When ?? state.Now),
            _ => (ArticleStatus.Draft, item.When),
        };
        if (item.Status == "publish" && item.Password.Length > 0)
            state.Report.Note(ImportText.AtLine(item.Line, ImportText.PasswordProtected(WxrReader.Shorten(item.Title))));
        if (item.Status == "private")
            state.Report.Note(ImportText.AtLine(item.Line, ImportText.Private(WxrReader.Shorten(item.Title))));

        var categories = item.Terms.Where(t => !t.IsTag).Select(t => state.Sections.GetValueOrDefault(t.Slug)).Where(id => id > 0).ToList();
        var sectionId = categories.Count > 0 ? categories[0] : await DefaultSectionAsync(state, ct);
        var headline = PlainText(item.Title);
        if (headline.Length == 0) headline = "(sans titre)";
        var slug = Slugs.From(Uri.UnescapeDataString(item.PostName), 200);
        if (slug.Length == 0) slug = Slugs.From(headline, 120);
        if (slug.Length == 0) slug = "article-" + item.PostId.ToString(CultureInfo.InvariantCulture);
        slug = Unique(slug, state.ArticleSlugs.Contains);
        state.ArticleSlugs.Add(slug);
        var when = item.When ?? state.Now;
        var article = new Article
        {
            SectionId = sectionId,
            Headline = Limit(headline, 300),
            Slug = slug,
            Standfirst = Limit(PlainText(item.Excerpt), 2000),
            BodyHtml = Body(item, state),
            Status = status,
            PublishedAt = publishedAt,
            FirstPublishedAt = status == ArticleStatus.Published ? publishedAt : null,
            CreatedAt = when,
            UpdatedAt = when,
            CommentsEnabled = item.CommentStatus != "closed",
            Version = 1,
            SourceId = source,
        };
        if (item.Creator is not null && state.Authors.TryGetValue(item.Creator, out var author))
        {
            article.Authors.Add(new ArticleAuthor { AuthorId = author.AuthorId, Position = 0 });
            article.CreatedBy = author.UserId;
        }
        foreach (var tag in item.Terms.Where(t => t.IsTag).Select(t => state.Tags.GetValueOrDefault(t.Slug)).Where(t => t.Id > 0).DistinctBy(t => t.Id))
        {
            // One tracked stub per tag and batch, found in a dictionary: DbSet.Local would scan every tracked entity
            // for changes on each call, which made a batch quadratic in its size.
            if (!state.TagStubs.TryGetValue(tag.Id, out var stub))
            {
                stub = new Tag { Id = tag.Id, Name = tag.Name, Slug = tag.Slug };
                db.Tags.Attach(stub);
                state.TagStubs[tag.Id] = stub;
            }
            article.Tags.Add(stub);
        }
        if (item.Meta.TryGetValue("_thumbnail_id", out var thumb) && long.TryParse(thumb, CultureInfo.InvariantCulture, out var thumbId)
            && state.MediaIds.TryGetValue(thumbId, out var mediaId) && state.Attachments[thumbId].Url.StartsWith("/media/", StringComparison.Ordinal))
        {
            // Only a copied image can lead: the reader's pictures are made from our own renditions.
            article.LeadImageId = mediaId;
            article.LeadImageAlt = state.Attachments[thumbId].Alt;
            article.LeadImageCaption = state.Attachments[thumbId].Caption;
        }
        state.SourceIds.Add(source);
        state.Report.Articles++;
        db.Articles.Add(article);
        return article;
    }

    Page? PageOf(WxrItem item, ImportState state)
    {
        var source = state.Source("page", item.PostId);
        if (state.SourceIds.Contains(source))
        {
            state.Report.AlreadyImported++;
            return null;
        }
        if (item.Status is "trash" or "auto-draft" or "inherit")
        {
            state.Report.Skipped++;
            return null;
        }
        var title = PlainText(item.Title);
        var slug = Slugs.From(Uri.UnescapeDataString(item.PostName), 200);
        if (slug.Length == 0) slug = Slugs.From(title, 120);
        if (slug.Length == 0) slug = "page-" + item.PostId.ToString(CultureInfo.InvariantCulture);
        slug = Unique(slug, s => Slugs.Reserved.Contains(s) || state.PageSlugs.Contains(s) || state.SectionSlugs.Contains(s));
        state.PageSlugs.Add(slug);
        var when = item.When ?? state.Now;
        var page = new Page
        {
            Title = Limit(title.Length > 0 ? title : "(sans titre)", 300),
            Slug = slug,
            BodyHtml = Body(item, state),
            Status = item.Status == "publish" && item.Password.Length == 0 ? PageStatus.Published : PageStatus.Draft,
            CreatedAt = when,
            UpdatedAt = when,
            SourceId = source,
        };
        if (item.Comments.Count > 0)
        {
            state.Report.Skipped += item.Comments.Count;
            state.Report.Note(ImportText.AtLine(item.Line, ImportText.PageCommentsSkipped(item.Comments.Count, WxrReader.Shorten(title))));
        }
        state.SourceIds.Add(source);
        state.Report.Pages++;
        db.Pages.Add(page);
        return page;
    }

    string Body(WxrItem item, ImportState state)
    {
        IReadOnlyList<long> children = scanChildren?.GetValueOrDefault(item.PostId) ?? [];
        return sanitizing.Sanitize(WordPressBodies.Convert(item.Content, state.Attachments, children, state.MovedUrls));
    }

    Dictionary<long, List<long>>? scanChildren;

    async Task SaveBatchAsync(List<(WxrItem Item, Article? Article, Page? Page)> batch, ImportState state,
        Dictionary<int, string> sectionSlugs, List<int> createdArticles, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        await db.SaveChangesAsync(ct);

        // Articles now have ids: their comments (one level deep here) and the old addresses that should lead to them.
        var articleIds = new Dictionary<long, int>();
        var missing = batch.Where(b => b.Article is null && b.Page is null).Select(b => state.Source("post", b.Item.PostId)).ToList();
        if (missing.Count > 0)
            foreach (var row in await db.Articles.Where(a => missing.Contains(a.SourceId!)).Select(a => new { a.Id, Source = a.SourceId ?? "" }).ToListAsync(ct))
                articleIds[long.Parse(row.Source[(row.Source.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture)] = row.Id;
        foreach (var (item, article, _) in batch)
            if (article is not null)
            {
                articleIds[item.PostId] = article.Id;
                createdArticles.Add(article.Id);
                if (item.Sticky && article.Status == ArticleStatus.Published) state.StickyArticles.Add(article.Id);
            }

        if (batch.Any(b => b.Article is { } a && !sectionSlugs.ContainsKey(a.SectionId)))
            foreach (var s in await db.Sections.Select(s => new { s.Id, s.Slug }).ToListAsync(ct)) sectionSlugs[s.Id] = s.Slug;
        var redirects = new List<ArticleRedirect>();
        foreach (var (item, article, _) in batch)
        {
            if (article is null) continue;
            var newPath = $"/{sectionSlugs[article.SectionId]}/{article.Slug}";
            foreach (var old in OldPaths(item))
                if (old != newPath && state.RedirectPaths.Add(old))
                    redirects.Add(new ArticleRedirect { Path = old, ArticleId = article.Id });
        }
        var paths = redirects.Select(r => r.Path).ToList();
        var taken = (await db.ArticleRedirects.Where(r => paths.Contains(r.Path)).Select(r => r.Path).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var r in redirects.Where(r => !taken.Contains(r.Path)))
        {
            db.ArticleRedirects.Add(r);
            state.Report.Redirects++;
        }

        var topLevel = new Dictionary<long, Comment>();
        var replies = new List<(WxrComment Wp, long RootId, int ArticleId)>();
        foreach (var (item, _, page) in batch)
        {
            if (page is not null || !articleIds.TryGetValue(item.PostId, out var articleId)) continue;
            var byId = item.Comments.ToDictionary(c => c.Id);
            foreach (var c in item.Comments.OrderBy(c => c.Id))
            {
                if (c.Type is "pingback" or "trackback")
                {
                    state.Report.Skipped++;
                    continue;
                }
                var source = state.Source("comment", c.Id);
                if (!state.SourceIds.Add(source))
                {
                    state.Report.AlreadyImported++;
                    continue;
                }
                var root = RootOf(c, byId);
                if (root == c.Id)
                {
                    var comment = CommentOf(c, articleId, null, state);
                    topLevel[c.Id] = comment;
                    db.Comments.Add(comment);
                }
                else replies.Add((c, root, articleId));
            }
        }
        await db.SaveChangesAsync(ct);
        if (replies.Count > 0)
        {
            var roots = replies.Select(r => state.Source("comment", r.RootId)).Distinct().ToList();
            var rootIds = await db.Comments.Where(c => roots.Contains(c.SourceId!)).Select(c => new { c.Id, c.SourceId }).ToListAsync(ct);
            var rootBySource = rootIds.ToDictionary(r => r.SourceId!, r => r.Id, StringComparer.Ordinal);
            foreach (var (wp, rootId, articleId) in replies)
            {
                // A reply whose thread start is missing from the export stands on its own.
                int? parent = rootBySource.TryGetValue(state.Source("comment", rootId), out var p) ? p : null;
                db.Comments.Add(CommentOf(wp, articleId, parent, state));
            }
            await db.SaveChangesAsync(ct);
        }
        batch.Clear();
        db.ChangeTracker.Clear();
        state.TagStubs.Clear();
    }

    /// <summary>Our threads are one level deep: a reply to a reply hangs under the thread's first comment.</summary>
    static long RootOf(WxrComment c, Dictionary<long, WxrComment> byId)
    {
        var current = c;
        for (var hops = 0; hops < 1000 && current.ParentId > 0 && byId.TryGetValue(current.ParentId, out var parent); hops++)
            current = parent;
        return current.Id;
    }

    Comment CommentOf(WxrComment c, int articleId, int? parentId, ImportState state)
    {
        var status = c.Approved switch
        {
            "1" => CommentStatus.Approved,
            "spam" => CommentStatus.Spam,
            "trash" => CommentStatus.Deleted,
            _ => CommentStatus.Pending,
        };
        state.Report.Comments++;
        var body = PlainText(c.Content, keepLines: true);
        return new Comment
        {
            ArticleId = articleId,
            ParentId = parentId,
            AuthorName = Limit(c.Author.Length > 0 ? PlainText(c.Author) : "Anonyme", Comment.MaxName),
            AuthorEmail = Limit(c.Email ?? "", Comment.MaxEmail),
            Body = Limit(body.Length > 0 ? body : "…", Comment.MaxBody),
            Status = status,
            CreatedAt = c.DateGmt ?? c.Date ?? state.Now,
            IpHash = string.IsNullOrEmpty(c.Ip) ? "" : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("wordpress-import:" + c.Ip))),
            ModeratedAt = status == CommentStatus.Pending ? null : state.Now,
            ModeratedBy = status == CommentStatus.Pending ? null : ImportActor.Name,
            SourceId = state.Source("comment", c.Id),
        };
    }

    /// <summary>The paths readers and search engines knew: the permalink and a guid that is a real address.</summary>
    static IEnumerable<string> OldPaths(WxrItem item)
    {
        foreach (var url in new[] { item.Link, item.GuidText })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0) continue;
            var path = uri.AbsolutePath;
            if (path.Length <= 1 || path.Length > 400) continue;
            yield return path;
            var trimmed = path.TrimEnd('/');
            if (trimmed.Length > 1 && trimmed != path) yield return trimmed;
        }
    }

    /// <summary>Sticky posts go to the front page, after what an editor already placed there.</summary>
    async Task AddFrontPageAsync(ImportState state, CancellationToken ct)
    {
        if (state.StickyArticles.Count == 0) return;
        var slotted = (await db.FrontPageSlots.Select(s => s.ArticleId).ToListAsync(ct)).ToHashSet();
        var position = await db.FrontPageSlots.Select(s => (int?)s.Position).MaxAsync(ct) ?? -1;
        foreach (var id in state.StickyArticles.Where(id => id > 0 && !slotted.Contains(id)))
        {
            db.FrontPageSlots.Add(new FrontPageSlot { ArticleId = id, Position = ++position });
            state.Report.FrontPage++;
        }
        await db.SaveChangesAsync(ct);
    }

    static string TermSlug(string wpSlug, string name)
    {
        var slug = Slugs.From(Uri.UnescapeDataString(wpSlug), 200);
        return slug.Length > 0 ? slug : Slugs.From(WebUtility.HtmlDecode(name), 200);
    }

    static string Unique(string slug, Func<string, bool> taken)
    {
        if (!taken(slug)) return slug;
        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
            var candidate = (slug.Length + suffix.Length > 200 ? slug[..(200 - suffix.Length)] : slug) + suffix;
            if (!taken(candidate)) return candidate;
        }
    }

    static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Text without tags or entities, on one line unless asked to keep the paragraph breaks.</summary>
    static string PlainText(string html, bool keepLines = false)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(html, keepLines ? "" : " "));
        return keepLines ? text.Trim() : Spaces().Replace(text, " ").Trim();
    }

    static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".mp3" => "audio/mpeg",
        ".mp4" => "video/mp4",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };

    static void DeleteFiles(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            try { File.Delete(file); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
