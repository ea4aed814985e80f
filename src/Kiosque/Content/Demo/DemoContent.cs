using Kiosque.Infrastructure;
using Kiosque.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Content.Demo;

/// <summary>An original French demo site, written for the project, put in an empty database on first run.</summary>
public sealed class DemoContent(
    KiosqueDb db,
    MediaStore media,
    HtmlSanitizing sanitizing,
    TimeProvider clock,
    IOptions<KiosqueOptions> options,
    ILogger<DemoContent> logger)
{
    const string PodcastFolder = "podcasts";

    /// <summary>
    /// Does nothing once the database holds a section or an article. Otherwise writes the whole demo in one
    /// transaction; if anything fails, the transaction is rolled back and the files already written are
    /// removed, so the next start begins again from an empty database.
    /// </summary>
    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await HasContentAsync(ct)) return;

        var started = clock.GetTimestamp();
        var now = TruncateToSeconds(clock.GetUtcNow().UtcDateTime);
        var files = new List<string>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await AddSiteAsync(now, ct);
            var articles = await AddArticlesAsync(now, files, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Demo content created: {Count} articles in {Elapsed} ms.",
                articles, (int)clock.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e)
        {
            db.ChangeTracker.Clear();
            DeleteFiles(files);
            // Another instance sharing the database seeded first: its demo is as good as ours.
            if (e is DbUpdateException && await HasContentAsync(ct))
            {
                logger.LogInformation("Demo content was created by another instance meanwhile.");
                return;
            }
            throw;
        }
    }

    async Task<bool> HasContentAsync(CancellationToken ct) =>
        await db.Sections.AnyAsync(ct) || await db.Articles.AnyAsync(ct);

    async Task AddSiteAsync(DateTime now, CancellationToken ct)
    {
        var settings = await db.SiteSettings.SingleOrDefaultAsync(ct);
        if (settings is null) db.SiteSettings.Add(settings = new SiteSettings());
        settings.Name = DemoSite.Name;
        settings.Tagline = DemoSite.Tagline;
        settings.Language = "fr";
        settings.CommentsSuspended = false;
        settings.CommentsSuspendedMessage = DemoSite.CommentsSuspendedMessage;
        settings.UpdatedAt = now;

        var position = 0;
        foreach (var s in DemoSite.Sections)
            db.Sections.Add(new Section { Name = s.Name, Slug = Slugs.From(s.Name), Description = s.Description, Kind = s.Kind, Position = position++ });
        // Dossiers, authors and tags may exist before any section (made through the API, say): reuse those.
        var dossiers = await db.Dossiers.Select(d => d.Slug).ToListAsync(ct);
        foreach (var d in DemoSite.Dossiers.Where(d => !dossiers.Contains(Slugs.From(d.Name))))
            db.Dossiers.Add(new Dossier { Name = d.Name, Slug = Slugs.From(d.Name), Description = d.Description, CreatedAt = now.AddDays(-30) });
        var authors = await db.Authors.Select(a => a.Slug).ToListAsync(ct);
        foreach (var a in DemoSite.Authors.Where(a => !authors.Contains(Slugs.From(a.Name))))
            db.Authors.Add(new Author { Name = a.Name, Slug = Slugs.From(a.Name), Bio = a.Bio });
        var tags = await db.Tags.Select(t => t.Slug).ToListAsync(ct);
        foreach (var t in DemoSite.Tags.Where(t => !tags.Contains(Slugs.From(t))))
            db.Tags.Add(new Tag { Name = t, Slug = Slugs.From(t) });

        if (!await db.Pages.AnyAsync(p => p.Slug == DemoSite.AboutSlug, ct))
        {
            db.Pages.Add(new Page
            {
                Title = DemoSite.AboutTitle,
                Slug = DemoSite.AboutSlug,
                BodyHtml = sanitizing.Sanitize(DemoSite.AboutHtml),
                Status = PageStatus.Published,
                CreatedAt = now.AddDays(-30),
                UpdatedAt = now.AddDays(-30),
            });
        }

        // An editor may already have arranged the menu before any content existed: keep theirs.
        if (!await db.NavigationItems.AnyAsync(ct))
        {
            List<(string Label, string Url)> items = [(DemoSite.AboutTitle, "/" + DemoSite.AboutSlug), ("Newsletter", "/newsletter")];
            items.AddRange(DemoSite.Sections.Select(s => (s.Name, "/" + Slugs.From(s.Name))));
            items.Add(("Dossiers", "/dossiers"));
            position = 0;
            foreach (var (label, url) in items)
                db.NavigationItems.Add(new NavigationItem { Label = label, Url = url, Position = position++ });
        }
    }

    async Task<int> AddArticlesAsync(DateTime now, List<string> files, CancellationToken ct)
    {
        var sections = db.Sections.Local.ToDictionary(s => s.Name);
        var dossiers = await ToDictionaryBySlugAsync(db.Dossiers, d => d.Slug, ct);
        var authors = await ToDictionaryBySlugAsync(db.Authors, a => a.Slug, ct);
        var tags = await ToDictionaryBySlugAsync(db.Tags, t => t.Slug, ct);
        var byKey = new Dictionary<string, Article>();
        var created = new List<(DemoArticle Demo, Article Article)>();

        // Drawing, encoding and making renditions is most of the seeding time and needs no database: spread it
        // over the cores. Files stored before a failure are listed for removal all the same.
        var demos = DemoArticles.All;
        var stored = new StoredImage?[demos.Length];
        try
        {
            await Parallel.ForAsync(0, demos.Length, ct, async (i, token) =>
            {
                using var picture = DemoMedia.RenderLeadImage(Slugs.From(demos[i].Headline), sections[demos[i].Section].Kind);
                stored[i] = await media.StoreFilesAsync(picture, token);
            });
        }
        finally
        {
            files.AddRange(stored.Where(s => s is not null).SelectMany(s => s!.Files));
        }

        foreach (var (demo, picture) in demos.Zip(stored))
        {
            var section = sections[demo.Section];
            var slug = Slugs.From(demo.Headline);
            var image = media.Add(picture!, demo.Photo.Alt, demo.Photo.Caption, demo.Photo.Credit);

            DateTime? publishedAt = demo.Status == ArticleStatus.Draft ? null : now.AddMinutes(-Math.Round(demo.HoursAgo * 60));
            var editedAt = publishedAt is { } p && p < now ? p : now;
            var article = new Article
            {
                Section = section,
                Dossier = demo.Dossier is null ? null : dossiers[Slugs.From(demo.Dossier)],
                Kicker = demo.Kicker,
                Headline = demo.Headline,
                Slug = slug,
                Standfirst = demo.Standfirst,
                BodyHtml = sanitizing.Sanitize(demo.Body),
                LeadImage = image,
                LeadImageAlt = image.Alt,
                LeadImageCaption = image.Caption,
                LeadImageCredit = image.Credit,
                Status = demo.Status,
                PublishedAt = publishedAt,
                FirstPublishedAt = demo.Status == ArticleStatus.Published ? publishedAt : null,
                Version = 1,
                CreatedAt = editedAt.AddHours(-3),
                UpdatedAt = editedAt,
                CommentsEnabled = demo.CommentsEnabled,
                VideoUrl = demo.VideoId is null ? null : "https://www.youtube.com/watch?v=" + demo.VideoId,
                Authors = [.. demo.Authors.Select((name, i) => new ArticleAuthor { Author = authors[Slugs.From(name)], Position = i })],
                Tags = [.. demo.Tags.Select(t => tags[Slugs.From(t)])],
            };
            if (demo.AudioSeconds is { } seconds)
            {
                var audio = DemoMedia.RenderEpisodeAudio(slug, seconds);
                var path = Path.Combine(options.Value.MediaPath, PodcastFolder, slug + ".wav");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                files.Add(path);
                await File.WriteAllBytesAsync(path, audio, ct);
                article.AudioUrl = $"/media/{PodcastFolder}/{slug}.wav";
                article.AudioLength = audio.Length;
                article.AudioDurationSeconds = seconds;
                article.Transcript = demo.Transcript is null ? null : sanitizing.Sanitize(demo.Transcript);
            }
            db.Articles.Add(article);
            if (demo.Key is not null) byKey.Add(demo.Key, article);
            created.Add((demo, article));
        }

        foreach (var (demo, article) in created)
        {
            article.Related = [.. demo.Related.Select((r, i) => new RelatedItem
            {
                Position = i,
                TargetArticle = r.ArticleKey is null ? null : byKey[r.ArticleKey],
                Url = r.Url,
                Title = r.Title,
                Source = r.Source,
            })];
        }
        return created.Count;
    }

    /// <summary>The rows saved before together with those this seeding added and has not saved yet.</summary>
    static async Task<Dictionary<string, T>> ToDictionaryBySlugAsync<T>(DbSet<T> set, Func<T, string> slug, CancellationToken ct)
        where T : class
    {
        await set.LoadAsync(ct);
        return set.Local.ToDictionary(slug);
    }

    static void DeleteFiles(List<string> files)
    {
        foreach (var file in files)
        {
            try { File.Delete(file); }
            catch (IOException) { /* an orphan file costs disk space, never correctness */ }
            catch (UnauthorizedAccessException) { }
        }
    }

    static DateTime TruncateToSeconds(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
