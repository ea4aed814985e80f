// The benchmark's data generator.
//
//   Kiosque.Bench.Seed db  --data DIR [--postgres CONNSTR] [--articles 1000] [--images 200] [--seed 42]
//       Migrates an empty Kiosque database and fills it directly through KiosqueDb (batched AddRange, change
//       detection off): sections, dossiers, authors, tags, lead images (JPEG files under DIR/media/bench) and
//       N published articles of ~600 words spread over five years. Fast enough for 100,000 articles.
//   Kiosque.Bench.Seed api --url http://127.0.0.1:PORT --token TOKEN [--articles 200] [--parallel 4] [--images 10]
//       Publishes articles through POST /api/v1/articles (and images through /api/v1/media), to time the
//       realistic path. Needs the sections of the db mode or creates them.
//
// Progress goes to stderr; stdout ends with the reference article's path (/international/…) on its own line; the db
// mode prints before it "debate: PATH (500 comments)" (an article with 500 approved comments) and "reference-id: N".
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Kiosque.Bench.Seed;

if (args.Length == 0 || args[0] is not ("db" or "api"))
{
    await Console.Error.WriteLineAsync("usage: Kiosque.Bench.Seed db --data DIR [--postgres CONNSTR] [--articles N] [--images N] [--seed N]\n"
        + "       Kiosque.Bench.Seed api --url http://127.0.0.1:PORT --token TOKEN [--articles N] [--parallel N] [--images N]");
    return 2;
}

var options = Options.Parse(args.Skip(1).ToArray());
var clock = Stopwatch.StartNew();
if (args[0] == "db")
{
    var data = options.Get("--data") ?? throw new ArgumentException("--data DIR is required (the media files go there)");
    var seeder = new DbSeeder(
        Path.GetFullPath(data), options.Get("--postgres"), options.Int("--articles", 1000), options.Int("--images", 200),
        options.Int("--seed", 42));
    var path = await seeder.RunAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"seeded {seeder.Articles} articles directly in {clock.Elapsed.TotalSeconds:0.0} s ({seeder.Articles / clock.Elapsed.TotalSeconds:0} articles/s)"));
    Console.WriteLine($"debate: {seeder.DebatePath} ({DbSeeder.DebateComments} comments)");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reference-id: {seeder.ReferenceId}"));
    Console.WriteLine(path);
}
else
{
    var url = options.Get("--url") ?? throw new ArgumentException("--url is required");
    if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || !(baseUri.IsLoopback))
        throw new ArgumentException($"--url must be a loopback address, not {url}");
    using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Get("--token") ?? throw new ArgumentException("--token is required"));
    var seeder = new ApiSeeder(http, options.Int("--articles", 200), options.Int("--parallel", 4), options.Int("--images", 10), options.Int("--seed", 42));
    var path = await seeder.RunAsync();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"seeded {seeder.Articles} articles through the API in {clock.Elapsed.TotalSeconds:0.0} s ({seeder.Articles / clock.Elapsed.TotalSeconds:0.0} articles/s, {seeder.Parallel} in parallel, {seeder.Conflicts} slug conflicts retried)"));
    Console.WriteLine(path);
}
return 0;

namespace Kiosque.Bench.Seed
{
    sealed class Options(Dictionary<string, string> values)
    {
        public static Options Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                    throw new ArgumentException($"expected --name value, got {args[i]}");
                values[args[i]] = args[++i];
            }
            return new Options(values);
        }

        public string? Get(string name) => values.GetValueOrDefault(name);

        public int Int(string name, int fallback) =>
            values.TryGetValue(name, out var raw) ? int.Parse(raw, CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>What both modes create: the site's sections, dossiers, authors, tags and the reference article.</summary>
    static class Catalog
    {
        public static readonly (string Name, string Slug)[] Sections =
        [
            ("International", "international"), ("Politique", "politique"), ("Économie", "economie"), ("Société", "societe"),
            ("Culture", "culture"), ("Sciences", "sciences"), ("Sport", "sport"), ("Décryptages", "decryptages"),
        ];

        public static readonly (string Name, string Slug)[] Dossiers =
        [
            ("Énergie en Europe", "energie-en-europe"), ("Réforme des retraites", "reforme-des-retraites"),
            ("Élections municipales", "elections-municipales"), ("Crise du logement", "crise-du-logement"),
            ("Agriculture en transition", "agriculture-en-transition"), ("Hôpital public", "hopital-public"),
        ];

        public static readonly (string Name, string Slug)[] Authors =
        [
            ("Claire Dubois", "claire-dubois"), ("Julien Martin", "julien-martin"), ("Sofia Benali", "sofia-benali"),
            ("Marc Lefèvre", "marc-lefevre"), ("Hélène Roux", "helene-roux"), ("Thomas Nguyen", "thomas-nguyen"),
            ("Amélie Girard", "amelie-girard"), ("Karim Haddad", "karim-haddad"), ("Louise Fontaine", "louise-fontaine"),
            ("Paul Mercier", "paul-mercier"),
        ];

        public static readonly string[] Tags =
        [
            "Union européenne", "Budget", "Climat", "Énergie", "Transports", "Santé", "Éducation", "Logement", "Emploi",
            "Agriculture", "Justice", "Sécurité", "Numérique", "Industrie", "Collectivités", "Diplomatie", "Défense",
            "Immigration", "Retraites", "Inflation", "Environnement", "Culture", "Recherche", "Sport", "Outre-mer",
            "Fiscalité", "Commerce", "Mer", "Montagne", "Jeunesse",
        ];

        public const string ArticleSection = "international";
        public const string ArticleDossier = "energie-en-europe";
        public const string ArticleHeadline = "Les ports européens accélèrent le branchement électrique des navires à quai";
        public const string ArticleStandfirst =
            "Brancher les ferries et les porte-conteneurs au réseau pendant l’escale réduit le bruit et la pollution des villes portuaires. Le chantier coûte cher, et les armateurs traînent des pieds.";
        public const string ArticleKicker = "Transition énergétique";
    }
}
