using System.Data.Common;
using Kiosque.Comments;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Kiosque.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Bench.Seed;

/// <summary>
/// Fills an empty database through KiosqueDb itself, so the rows are exactly what the application writes,
/// but without the API's per-request work: one context per batch of articles, change detection off.
/// </summary>
sealed class DbSeeder(string dataPath, string? postgres, int articles, int images, int seed)
{
    const int BatchSize = 2000;
    static readonly TimeSpan Span = TimeSpan.FromDays(5 * 365);

    public int Articles => articles;
    /// <summary>The approved comments under the debate article.</summary>
    public const int DebateComments = 500;
    public string DebatePath { get; private set; } = "";
    public int ReferenceId { get; private set; }

    static Func<KiosqueDb> Factory(string? postgres, DbConnection? sqlite) => postgres is not null
        ? () => new PostgresKiosqueDb(new DbContextOptionsBuilder<PostgresKiosqueDb>().UseNpgsql(postgres).Options)
        : () => new SqliteKiosqueDb(new DbContextOptionsBuilder<SqliteKiosqueDb>().UseSqlite(sqlite!).Options);

    public async Task<string> RunAsync()
    {
        if (articles < 1) throw new ArgumentException("--articles must be at least 1");
        Directory.CreateDirectory(dataPath);
        SqliteConnection? sqlite = null;
        if (postgres is null)
        {
            // One connection for the whole load; synchronous=OFF only for it (the application opens its own).
            sqlite = new SqliteConnection(Database.SqliteConnectionString(dataPath));
            await sqlite.OpenAsync();
            await using var pragma = sqlite.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        try
        {
            return await LoadAsync(Factory(postgres, sqlite));
        }
        finally
        {
            if (sqlite is not null) await sqlite.DisposeAsync();
        }
    }

    async Task<string> LoadAsync(Func<KiosqueDb> create)
    {
        var random = new Random(seed);
        var text = new FrenchText(random);
        var now = DateTime.UtcNow;

        await using (var db = create())
        {
            await db.Database.MigrateAsync();
            if (await db.Articles.AnyAsync())
                throw new InvalidOperationException("The database already holds articles: the generator wants a fresh data folder.");
            await FillTaxonomyAsync(db, now);
        }

        int[] sectionIds, dossierIds, authorIds, mediaIds;
        List<(int Id, string Name, string Slug)> tags;
        await using (var db = create())
        {
            sectionIds = await db.Sections.OrderBy(s => s.Position).Select(s => s.Id).ToArrayAsync();
            dossierIds = await db.Dossiers.OrderBy(d => d.Id).Select(d => d.Id).ToArrayAsync();
            authorIds = await db.Authors.OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync();
            tags = (await db.Tags.OrderBy(t => t.Id).Select(t => new { t.Id, t.Name, t.Slug }).ToListAsync())
                .Select(t => (t.Id, t.Name, t.Slug)).ToList();
        }
        mediaIds = await StoreImagesAsync(create, now);

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var inserted = new List<int>(articles);
        var started = System.Diagnostics.Stopwatch.StartNew();
        // The reference article is the last and newest: it leads the home page, as on the anchors.
        var regular = articles - 1;
        for (var first = 0; first < regular; first += BatchSize)
        {
            var count = Math.Min(BatchSize, regular - first);
            await using var db = create();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var tagStubs = tags.Select(t => new Tag { Id = t.Id, Name = t.Name, Slug = t.Slug }).ToList();
            db.Tags.AttachRange(tagStubs);
            var batch = new List<Article>(count);
            for (var i = first; i < first + count; i++)
            {
                var headline = text.Headline();
                var slug = Slugs.From(headline);
                if (!slugs.Add(slug)) { slug = $"{slug}-{i}"; slugs.Add(slug); }
                // Older first, every few minutes over five years, newest a few minutes before the reference article.
                var published = now - Span + Span * ((double)i / articles) - TimeSpan.FromMinutes(5);
                var article = new Article
                {
                    SectionId = sectionIds[random.Next(sectionIds.Length)],
                    DossierId = random.Next(4) == 0 ? dossierIds[random.Next(dossierIds.Length)] : null,
                    Kicker = random.Next(6) == 0 ? text.Kicker() : null,
                    Headline = headline,
                    Slug = slug,
                    Standfirst = text.Standfirst(),
                    BodyHtml = text.BodyHtml(),
                    LeadImageId = random.Next(10) == 0 ? null : mediaIds[random.Next(mediaIds.Length)],
                    Status = ArticleStatus.Published,
                    PublishedAt = published,
                    CreatedAt = published.AddHours(-2),
                    UpdatedAt = published,
                };
                Byline(article, random, authorIds);
                foreach (var t in random.GetItems(tagStubs.ToArray(), 2 + random.Next(3)).Distinct()) article.Tags.Add(t);
                // One article in ten recommends two earlier ones ("À lire aussi").
                if (i > 10 && random.Next(10) == 0)
                    for (var p = 0; p < 2; p++)
                    {
                        var target = random.Next(i);
                        article.Related.Add(target < first
                            ? new RelatedItem { Position = p, TargetArticleId = inserted[target] }
                            : new RelatedItem { Position = p, TargetArticle = batch[target - first] });
                    }
                batch.Add(article);
            }
            db.Articles.AddRange(batch);
            await db.SaveChangesAsync();
            inserted.AddRange(batch.Select(a => a.Id));
            await Console.Error.WriteLineAsync($"  {first + count}/{articles} articles ({started.Elapsed.TotalSeconds:0.0} s)");
        }

        string path;
        await using (var db = create())
        {
            var section = await db.Sections.SingleAsync(s => s.Slug == Catalog.ArticleSection);
            var dossier = await db.Dossiers.SingleAsync(d => d.Slug == Catalog.ArticleDossier);
            var pickedTags = await db.Tags.Where(t => t.Slug == "energie" || t.Slug == "union-europeenne" || t.Slug == "mer" || t.Slug == "transports").ToListAsync();
            var slug = Slugs.From(Catalog.ArticleHeadline);
            var article = new Article
            {
                SectionId = section.Id,
                DossierId = dossier.Id,
                Kicker = Catalog.ArticleKicker,
                Headline = Catalog.ArticleHeadline,
                Slug = slugs.Contains(slug) ? slug + "-reference" : slug,
                Standfirst = Catalog.ArticleStandfirst,
                BodyHtml = text.BodyHtml(),
                LeadImageId = mediaIds[0],
                LeadImageCaption = "Un ferry branché au réseau électrique du port, mardi matin.",
                LeadImageCredit = "©Kiosque Bench / Agence Kiosque",
                Status = ArticleStatus.Published,
                PublishedAt = now.AddMinutes(-1),
                CreatedAt = now.AddHours(-3),
                UpdatedAt = now.AddMinutes(-1),
                Tags = pickedTags,
            };
            article.Authors.Add(new ArticleAuthor { AuthorId = authorIds[0], Position = 0 });
            article.Authors.Add(new ArticleAuthor { AuthorId = authorIds[1], Position = 1 });
            for (var p = 0; p < Math.Min(3, inserted.Count); p++)
                article.Related.Add(new RelatedItem { Position = p, TargetArticleId = inserted[^(p + 1)] });
            article.Related.Add(new RelatedItem
            {
                Position = 3, Url = "https://example.org/ports-electriques", Title = "Le grand chantier des quais électriques", Source = "Le Quotidien du Matin",
            });
            // The debate of the day: a second article with 500 approved comments (one in five a reply), for the
            // comment-heavy page.
            var debate = new Article
            {
                SectionId = sectionIds[^1],
                Headline = "Le grand débat des lecteurs sur la semaine de quatre jours",
                Slug = "le-grand-debat-des-lecteurs-sur-la-semaine-de-quatre-jours",
                Standfirst = text.Standfirst(),
                BodyHtml = text.BodyHtml(),
                Status = ArticleStatus.Published,
                PublishedAt = now.AddMinutes(-2),
                CreatedAt = now.AddHours(-4),
                UpdatedAt = now.AddMinutes(-2),
            };
            db.Articles.AddRange(article, debate);
            await db.SaveChangesAsync();
            path = $"/{section.Slug}/{article.Slug}";
            var debateSection = await db.Sections.Where(s => s.Id == debate.SectionId).Select(s => s.Slug).SingleAsync();
            DebatePath = $"/{debateSection}/{debate.Slug}";
            ReferenceId = article.Id;
            Comment Comment(int c, int? parentId) => new()
            {
                ArticleId = debate.Id,
                ParentId = parentId,
                AuthorName = $"Lecteur {c + 1}",
                AuthorEmail = $"lecteur{c + 1}@example.org",
                Body = text.Standfirst() + (c % 7 == 0 ? "\n\nVoir https://example.org/source-" + c : ""),
                Status = CommentStatus.Approved,
                CreatedAt = now.AddMinutes(-100 + c * 0.1),
                IpHash = "bench",
            };
            var top = Enumerable.Range(0, DebateComments * 4 / 5).Select(c => Comment(c, null)).ToList();
            db.Comments.AddRange(top);
            await db.SaveChangesAsync();
            db.Comments.AddRange(Enumerable.Range(top.Count, DebateComments - top.Count).Select(c => Comment(c, top[random.Next(top.Count)].Id)));
            await db.SaveChangesAsync();

        }
        // The search index an existing site has, built by the application's own indexer: otherwise Kiosque builds it
        // in the background at its first start, during the measurements.
        await using (var db = create())
        {
            ISearchEngine engine = db.Database.IsNpgsql() ? new PostgresSearchEngine(db) : new SqliteSearchEngine(db);
            var indexing = DateTime.UtcNow;
            var indexed = await new SearchIndexer(db, engine).ReindexAllAsync(CancellationToken.None);
            await Console.Error.WriteLineAsync($"indexed {indexed} articles for search in {(DateTime.UtcNow - indexing).TotalSeconds:F1} s");
            // A running site's tables are vacuumed by autovacuum: without it, the first measurements would set the
            // hint bits of 100,000 fresh rows (and autovacuum would start in the middle of them).
            if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
            else await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return path;
    }

    static void Byline(Article article, Random random, int[] authorIds)
    {
        var first = random.Next(authorIds.Length);
        article.Authors.Add(new ArticleAuthor { AuthorId = authorIds[first], Position = 0 });
        if (random.Next(4) == 0)
            article.Authors.Add(new ArticleAuthor { AuthorId = authorIds[(first + 1 + random.Next(authorIds.Length - 1)) % authorIds.Length], Position = 1 });
    }

    static async Task FillTaxonomyAsync(KiosqueDb db, DateTime now)
    {
        if (!await db.SiteSettings.AnyAsync())
            db.SiteSettings.Add(new SiteSettings { Name = "Le Quotidien du Banc d’essai", Tagline = "Un site de test, rempli de textes générés.", UpdatedAt = now });
        var position = 0;
        foreach (var (name, slug) in Catalog.Sections)
        {
            db.Sections.Add(new Section { Name = name, Slug = slug, Position = position, Description = $"Toute l’actualité : {name.ToLowerInvariant()}." });
            db.NavigationItems.Add(new NavigationItem { Position = position++, Label = name, Url = "/" + slug });
        }
        foreach (var (name, slug) in Catalog.Dossiers)
            db.Dossiers.Add(new Dossier { Name = name, Slug = slug, CreatedAt = now.AddYears(-2) });
        foreach (var (name, slug) in Catalog.Authors)
            db.Authors.Add(new Author { Name = name, Slug = slug, Bio = $"{name} est journaliste au service politique." });
        foreach (var name in Catalog.Tags)
            db.Tags.Add(new Tag { Name = name, Slug = Slugs.From(name, 100) });
        await db.SaveChangesAsync();
    }

    /// <summary>Writes the lead images under media/bench/ and their rows; articles reuse them.</summary>
    async Task<int[]> StoreImagesAsync(Func<KiosqueDb> create, DateTime now)
    {
        var folder = Path.Combine(dataPath, "media", "bench");
        Directory.CreateDirectory(folder);
        await using var db = create();
        var items = new List<MediaItem>(images);
        var count = Math.Max(1, images);
        var rendered = new byte[count][];
        System.Threading.Tasks.Parallel.For(0, count, i => rendered[i] = Images.Render(seed * 1000 + i));
        for (var i = 0; i < count; i++)
        {
            var name = $"lead-{i:000}.jpg";
            var bytes = rendered[i];
            await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes);
            items.Add(new MediaItem
            {
                Url = "/media/bench/" + name,
                StoragePath = "bench/" + name,
                ContentType = "image/jpeg",
                Length = bytes.Length,
                Width = Images.Width,
                Height = Images.Height,
                Alt = $"Illustration générée numéro {i + 1} : des formes colorées sur un dégradé",
                Caption = "Une illustration du banc d’essai.",
                Credit = "©Kiosque Bench",
                CreatedAt = now,
            });
        }
        db.Media.AddRange(items);
        await db.SaveChangesAsync();
        return items.Select(m => m.Id).ToArray();
    }
}
