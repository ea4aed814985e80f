namespace Kiosque.Content.Demo;

sealed record DemoSection(string Name, string Description, SectionKind Kind = SectionKind.Standard);

sealed record DemoDossier(string Name, string Description);

sealed record DemoAuthor(string Name, string Bio);

/// <summary>The demo newspaper's furniture: its name, sections, dossiers, authors, tags and about page.</summary>
static class DemoSite
{
    public const string Name = "Le Kiosque";
    public const string Tagline = "L'actualité expliquée, sans bruit et sans pisteurs";

    public const string CommentsSuspendedMessage =
        "Les commentaires sont fermés pour le moment : notre équipe de modération ne peut plus suivre le rythme " +
        "des messages. Vous pouvez toujours nous écrire ou faire circuler l'article autour de vous.";

    public const string Energy = "Énergie en Europe";
    public const string Water = "L'eau sous tension";

    public static readonly DemoSection[] Sections =
    [
        new("International", "Diplomatie, conflits, élections et sociétés : le monde au-delà de nos frontières."),
        new("Politique", "Gouvernement, Parlement, régions et communes : la décision publique au plus près."),
        new("Économie", "Entreprises, emploi, prix et budgets des ménages, racontés avec des chiffres vérifiés."),
        new("Décryptages", "Des analyses au long cours pour comprendre ce qui se joue derrière l'actualité."),
        new("Pépites", "Histoires courtes, trouvailles et curiosités repérées par la rédaction."),
        new("Vidéos", "Reportages et explications en images, en quelques minutes.", SectionKind.Video),
        new("Podcasts", "« La Loupe », notre émission : un sujet, un invité, une demi-heure pour creuser.", SectionKind.Podcast),
    ];

    public static readonly DemoDossier[] Dossiers =
    [
        new(Energy, "Prix de l'électricité, gaz, éolien en mer, réseaux : comment le continent réorganise son approvisionnement."),
        new(Water, "Sécheresses à répétition, nappes basses, usages en concurrence : la gestion de l'eau devient un sujet politique."),
    ];

    public static readonly DemoAuthor[] Authors =
    [
        new("Claire Vasseur", "Cheffe du service International. Après huit ans de correspondance à Bruxelles, elle suit les " +
            "négociations européennes sur l'énergie et le climat."),
        new("Mathieu Lenoir", "Journaliste politique. Il couvre l'Assemblée nationale et la vie des collectivités locales, " +
            "du conseil municipal au conseil régional."),
        new("Inès Benali", "Journaliste au service Économie, spécialiste des marchés de l'énergie, de l'industrie et du travail."),
        new("Julien Marchal", "Reporter sciences et environnement, il présente « La Loupe », le podcast de la rédaction."),
    ];

    public static readonly string[] Tags =
        ["Énergie", "Climat", "Europe", "Collectivités", "Emploi", "Sciences", "Culture", "Eau", "Budget", "Transports"];

    public const string AboutTitle = "Qui sommes-nous ?";
    public const string AboutSlug = "qui-sommes-nous";

    public const string AboutHtml = """
        <p><strong>Le Kiosque est un journal imaginaire.</strong> Il sert de démonstration à Kiosque, la plateforme
        libre de publication pour les rédactions : tous les articles, les personnes, les communes et les agences
        photographiques que vous croiserez ici ont été inventés pour l'occasion. Les photos sont des compositions
        abstraites générées par le logiciel.</p>
        <h2>Ce que nous voulons faire</h2>
        <p>Notre rédaction fictive se donne une règle simple : expliquer plutôt que commenter. Chaque jour, elle
        publie l'essentiel de l'actualité internationale, politique et économique, puis prend le temps d'y revenir
        dans ses décryptages, ses dossiers, ses vidéos et son podcast, « La Loupe ».</p>
        <h2>Comment nous travaillons</h2>
        <p>Nos pages se lisent sans publicité ciblée ni traceur, y compris sur un téléphone ancien ou une connexion
        lente. Les boutons de partage sont de simples liens : personne ne suit votre lecture. Une erreur dans un
        article ? Nous la corrigeons et le signalons en pied de page.</p>
        <h2>Nous écrire</h2>
        <p>Une remarque, une piste, une correction : écrivez à
        <a href="mailto:redaction@kiosque.example">redaction@kiosque.example</a>. Et pour recevoir notre sélection
        chaque matin, inscrivez-vous à <a href="/newsletter">la newsletter</a>.</p>
        """;
}
