using Kiosque.Content;
using Kiosque.Search;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosque.Tests.Search;

/// <summary>
/// A small French corpus written for these tests, loaded once per database into its own app: accents, elisions,
/// plurals, an old and a new piece on the same subject, hostile text, a draft and a future article.
/// </summary>
public sealed class SearchCorpus : IAsyncDisposable
{
    public static readonly DateTime Now = DateTime.UtcNow;
    readonly Dictionary<DatabaseKind, KiosqueApp> apps = [];

    public async Task<KiosqueApp> AppAsync(DatabaseKind kind)
    {
        if (apps.TryGetValue(kind, out var existing)) return existing;
        var app = await KiosqueApp.CreateAsync(kind);
        await SeedAsync(app);
        apps[kind] = app;
        return app;
    }

    static async Task SeedAsync(KiosqueApp app)
    {
        var monde = SiteData.Section("Monde", "monde", 1);
        var politique = SiteData.Section("Politique", "politique", 2);
        var economie = SiteData.Section("Économie", "economie", 3);
        var frontieres = new Dossier { Name = "Frontières de l’Est", Slug = "frontieres", CreatedAt = Now };
        Article A(Section s, string slug, string headline, double daysAgo, string body, ArticleStatus status = ArticleStatus.Published)
        {
            var a = SiteData.Article(s, slug, headline, Now.AddDays(-daysAgo), status);
            a.BodyHtml = body;
            a.Standfirst = "";
            return a;
        }
        var belarus = A(monde, "bielorussie-frontiere", "La Biélorussie ferme sa frontière avec la Lituanie", 1,
            "<p>Minsk a annoncé la fermeture de plusieurs points de passage.</p>");
        belarus.Dossier = frontieres;
        var hostile = A(monde, "piege-des-balises", "Le piège des balises", 2,
            "<p>Un texte piégé &lt;script&gt;alert('x')&lt;/script&gt; et &lt;b&gt;gras&lt;/b&gt; reste du texte.</p>");
        hostile.Standfirst = "Un chapô avec <i>chevrons</i> écrits tels quels.";
        var articles = new List<object>
        {
            belarus,
            A(monde, "minsk-isolee", "Minsk et la Biélorussie de plus en plus isolées", 30, "<p>Les sanctions s’accumulent.</p>"),
            A(economie, "negociations-geneve", "Reprise des négociations commerciales à Genève", 2,
                "<p>Les délégations discutent depuis lundi des droits de douane.</p>"),
            A(politique, "armee-radars", "L’armée déploie de nouveaux radars dans le Nord", 3,
                "<p>Le ministère a confirmé l'envoi de matériel de surveillance.</p>"),
            A(politique, "retraites-ancien", "Réforme des retraites : le texte adopté", 400, "<p>La réforme a été votée au printemps.</p>"),
            A(politique, "retraites-nouveau", "Réforme des retraites : un nouveau calendrier", 1, "<p>La réforme sera examinée à l'automne.</p>"),
            A(economie, "budget-etat", "Budget de l’État : les arbitrages de la semaine", 5, "<p>Les ministères attendent leurs enveloppes.</p>"),
            A(monde, "soiree-opera", "Une soirée à l’opéra de Vienne", 5, "<p>Le budget de la production reste modeste, dit le directeur.</p>"),
            hostile,
            A(monde, "brouillon", "Biélorussie : un brouillon qui ne doit pas sortir", 1, "<p>Secret.</p>", ArticleStatus.Draft),
            A(monde, "futur", "Biélorussie : un article programmé", -2, "<p>Pas encore.</p>"),
        };
        for (var i = 1; i <= 12; i++)
            articles.Add(A(economie, $"marche-{i}", $"Marché de Noël, étape {i}", 10 + i, "<p>Des chalets et du vin chaud.</p>"));
        await app.AddAsync([monde, politique, economie, frontieres, .. articles]);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SearchIndexer>().ReindexAllAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in apps.Values) await app.DisposeAsync();
    }
}
