using System.Diagnostics;
using System.Net.Http.Json;

namespace Kiosque.Bench.Seed;

/// <summary>
/// Publishes articles the way a newsroom tool would: POST /api/v1/articles with a bearer token, a few in
/// parallel. Used to time the realistic path against the direct generator.
/// </summary>
sealed class ApiSeeder(HttpClient http, int articles, int parallel, int images, int seed)
{
    public int Articles => articles;
    public int Parallel => parallel;
    public int Conflicts => conflicts;

    int conflicts;

    sealed record Created(int Id, string Url);
    sealed record Slugged(string Slug);

    public async Task<string> RunAsync()
    {
        await EnsureTaxonomyAsync();
        var mediaIds = new List<int>();
        for (var i = 0; i < Math.Max(1, images); i++)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(Images.Render(seed * 1000 + i));
            file.Headers.ContentType = new("image/jpeg");
            form.Add(file, "file", $"lead-{i}.jpg");
            form.Add(new StringContent($"Illustration générée numéro {i + 1}"), "alt");
            form.Add(new StringContent("©Kiosque Bench"), "credit");
            using var response = await http.PostAsync(new Uri("/api/v1/media", UriKind.Relative), form);
            await EnsureAsync(response, "POST /api/v1/media");
            mediaIds.Add((await response.Content.ReadFromJsonAsync<Created>())!.Id);
        }

        // Texts are generated up front from one seeded Random, so the parallel posting stays deterministic.
        var random = new Random(seed);
        var text = new FrenchText(random);
        var now = DateTimeOffset.UtcNow;
        var span = TimeSpan.FromDays(5 * 365);
        var requests = Enumerable.Range(0, articles).Select(i => new
        {
            section = Catalog.Sections[random.Next(Catalog.Sections.Length)].Slug,
            dossier = random.Next(4) == 0 ? Catalog.Dossiers[random.Next(Catalog.Dossiers.Length)].Slug : null,
            headline = i == articles - 1 ? Catalog.ArticleHeadline : text.Headline(),
            standfirst = text.Standfirst(),
            bodyHtml = text.BodyHtml(),
            leadImage = new { mediaId = mediaIds[random.Next(mediaIds.Count)] },
            authors = new[] { Catalog.Authors[random.Next(Catalog.Authors.Length)].Slug },
            tags = random.GetItems(Catalog.Tags, 3).Distinct().ToArray(),
            status = "published",
            publishedAt = i == articles - 1 ? now.AddMinutes(-1) : now - span + span * ((double)i / articles) - TimeSpan.FromMinutes(5),
        }).ToList();

        var clock = Stopwatch.StartNew();
        var done = 0;
        string? last = null;
        await System.Threading.Tasks.Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (request, ct) =>
        {
            // Two posts in flight with the same headline race for its slug; the loser gets 409 and, like a
            // newsroom client, tries again (the API then numbers the slug).
            var response = await http.PostAsJsonAsync(new Uri("/api/v1/articles", UriKind.Relative), request, ct);
            for (var attempt = 0; attempt < 3 && response.StatusCode == System.Net.HttpStatusCode.Conflict; attempt++)
            {
                response.Dispose();
                Interlocked.Increment(ref conflicts);
                response = await http.PostAsJsonAsync(new Uri("/api/v1/articles", UriKind.Relative), request, ct);
            }
            using var _ = response;
            await EnsureAsync(response, "POST /api/v1/articles");
            if (request.headline == Catalog.ArticleHeadline)
                last = new Uri((await response.Content.ReadFromJsonAsync<Created>(ct))!.Url).AbsolutePath;
            var n = Interlocked.Increment(ref done);
            if (n % 500 == 0) await Console.Error.WriteLineAsync($"  {n}/{articles} articles ({clock.Elapsed.TotalSeconds:0.0} s)");
        });
        return last!;
    }

    async Task EnsureTaxonomyAsync()
    {
        var position = 0;
        foreach (var (name, slug) in Catalog.Sections)
            await CreateIfMissingAsync($"/api/v1/sections/{slug}", "/api/v1/sections", new { name, slug, position = position++ });
        foreach (var (name, slug) in Catalog.Dossiers)
            await CreateIfMissingAsync($"/api/v1/dossiers/{slug}", "/api/v1/dossiers", new { name, slug });
        foreach (var (name, slug) in Catalog.Authors)
            await CreateIfMissingAsync($"/api/v1/authors/{slug}", "/api/v1/authors", new { name, slug });
    }

    async Task CreateIfMissingAsync(string get, string post, object body)
    {
        using var existing = await http.GetAsync(new Uri(get, UriKind.Relative));
        if (existing.IsSuccessStatusCode) return;
        using var response = await http.PostAsJsonAsync(new Uri(post, UriKind.Relative), body);
        await EnsureAsync(response, "POST " + post);
    }

    static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return;
        throw new HttpRequestException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
