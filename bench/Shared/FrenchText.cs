using System.Text;

namespace Kiosque.Bench;

/// <summary>
/// Plausible French news text from word lists: headlines, standfirsts and ~600-word bodies in the HTML the
/// sanitizer keeps (p, h2, blockquote, strong, a). Deterministic for a given <see cref="Random"/> seed, so two
/// runs with the same seed build the same data set. Shared by the data generator and the micro-benchmarks.
/// </summary>
public sealed class FrenchText(Random random)
{
    static readonly string[] Subjects =
    [
        "Le gouvernement", "La Commission européenne", "Les agriculteurs bretons", "La mairie de Lyon", "Le Sénat",
        "Les syndicats de cheminots", "La Banque centrale européenne", "Le ministre de l’Économie", "Les élus locaux",
        "La région Occitanie", "Les enseignants du primaire", "Le Conseil constitutionnel", "Les pêcheurs normands",
        "La justice administrative", "Les hôpitaux publics", "Le patronat", "Les étudiants", "La SNCF",
        "L’Assemblée nationale", "Les maires ruraux", "Le président du Conseil italien", "La chancellerie allemande",
        "Les viticulteurs bordelais", "Les ONG environnementales", "La Cour des comptes", "Les constructeurs automobiles",
        "Le port de Marseille", "Les médecins généralistes", "La préfecture de police", "Les start-up françaises",
    ];

    static readonly string[] Verbs =
    [
        "annonce", "repousse", "défend", "dévoile", "conteste", "prépare", "relance", "abandonne", "réclame", "suspend",
        "présente", "accélère", "critique", "finance", "négocie", "soutient", "enterre", "révise", "adopte", "dénonce",
    ];

    static readonly string[] Objects =
    [
        "un plan d’investissement dans le rail", "la réforme de l’assurance chômage", "un nouveau calendrier budgétaire",
        "la taxe sur les superprofits", "le projet d’autoroute contesté", "un accord sur le prix du lait",
        "la fermeture de trois maternités", "un fonds pour la rénovation des écoles", "l’ouverture de la pêche au large",
        "la hausse des tarifs de l’électricité", "un moratoire sur les éoliennes en mer", "la loi sur la fin de vie",
        "un programme de logements sociaux", "le contrôle des loyers", "la privatisation des barrages",
        "un sommet sur la sécurité alimentaire", "la modernisation des urgences", "un emprunt européen commun",
        "le chantier du Grand Paris Express", "la réouverture des lignes de nuit", "un statut pour les livreurs",
        "la régulation des plateformes numériques", "un pacte pour l’eau potable", "la réforme du baccalauréat",
        "le plan vélo national", "un bouclier contre les cyberattaques", "la relocalisation des médicaments",
        "l’accueil des réfugiés climatiques", "la réduction des pesticides", "un référendum local sur l’aéroport",
        "la rénovation thermique des logements", "le financement des retraites", "un traité de libre-échange",
        "la protection du littoral", "le dépistage précoce des cancers", "une enquête sur les marchés publics",
        "la candidature aux Jeux d’hiver", "le sauvetage de l’aciérie", "la sortie du charbon", "un impôt mondial minimal",
    ];

    static readonly string[] Places =
    [
        "", "", "", " à Marseille", " à Lille", " en Bretagne", " à Bruxelles", " à Strasbourg", " en Corse", " à Berlin",
        " à Bordeaux", " à Nantes", " en Outre-mer", " à Genève", " à Rome", " à Toulouse", " à Madrid", " à Lyon",
    ];

    static readonly string[] Kickers =
    [
        "Exclusif", "Analyse", "Enquête", "Reportage", "Entretien", "Décryptage", "En direct", "Chronique",
    ];

    static readonly string[] Openers =
    [
        "Selon plusieurs sources concordantes,", "Dans un communiqué publié lundi,", "Après des semaines de tractations,",
        "Contre toute attente,", "Comme l’avaient anticipé les observateurs,", "À la surprise générale,",
        "D’après un document consulté par notre rédaction,", "Au terme d’une longue réunion,", "Depuis le début de l’année,",
        "Interrogé sur ce point,", "Sur le terrain,", "Dans l’entourage du ministre,", "Pour les économistes,",
        "Du côté de l’opposition,", "Au niveau européen,", "Localement,",
    ];

    static readonly string[] Complements =
    [
        "malgré l’opposition d’une partie de la majorité", "dans un contexte budgétaire tendu",
        "sous la pression des associations", "avant l’échéance électorale du printemps", "sans concertation préalable",
        "avec le soutien discret de Bruxelles", "au grand dam des riverains", "pour la troisième fois en deux ans",
        "en attendant l’avis du Conseil d’État", "après une mobilisation inédite", "à quelques mois de la présidence tournante",
        "faute d’accord entre les partenaires sociaux", "alors que l’inflation ralentit à peine",
        "dans une indifférence relative", "sous l’œil attentif des marchés", "au risque de fragiliser la coalition",
    ];

    static readonly string[] Reactions =
    [
        "Nous ne pouvons plus attendre, les familles paient déjà le prix de l’inaction",
        "Ce texte ne règle rien sur le fond et renvoie les difficultés à l’année prochaine",
        "Il faudra mesurer les effets concrets avant de crier victoire",
        "Les chiffres sont têtus : sans investissement, le service public recule",
        "Nous avons été écoutés, mais pas entendus",
        "C’est une étape, pas une fin en soi",
    ];

    static readonly string[] Subheads =
    [
        "Un calendrier serré", "Des critiques venues de tous les bords", "Ce qui change concrètement",
        "La question du financement", "Un précédent européen", "Sur le terrain, l’inquiétude",
    ];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public string Kicker() => Pick(Kickers);

    public string Headline()
    {
        var headline = $"{Pick(Subjects)} {Pick(Verbs)} {Pick(Objects)}{Pick(Places)}";
        return random.Next(5) == 0 ? $"{Pick(Kickers)} : {headline}" : headline;
    }

    public string Sentence()
    {
        var sb = new StringBuilder(160);
        if (random.Next(3) == 0) sb.Append(Pick(Openers)).Append(' ').Append(char.ToLowerInvariant(Pick(Subjects)[0])).Append(Pick(Subjects)[1..]);
        else sb.Append(Pick(Subjects));
        sb.Append(' ').Append(Pick(Verbs)).Append(' ').Append(Pick(Objects));
        if (random.Next(2) == 0) sb.Append(", ").Append(Pick(Complements));
        return sb.Append('.').ToString();
    }

    public string Standfirst() => $"{Sentence()} {Sentence()}";

    /// <summary>About <paramref name="words"/> words of HTML: paragraphs of 3–5 sentences, a subhead, a quote, one link.</summary>
    public string BodyHtml(int words = 600)
    {
        var sb = new StringBuilder(words * 8);
        var count = 0;
        var paragraph = 0;
        while (count < words)
        {
            if (paragraph == 3) sb.Append("<h2>").Append(Pick(Subheads)).Append("</h2>\n");
            if (paragraph == 5)
            {
                var quote = Pick(Reactions);
                sb.Append("<blockquote><p>« ").Append(quote).Append(" »</p></blockquote>\n");
                count += CountWords(quote);
            }
            sb.Append("<p>");
            var sentences = 3 + random.Next(3);
            for (var i = 0; i < sentences; i++)
            {
                var sentence = Sentence();
                if (i > 0) sb.Append(' ');
                if (paragraph == 1 && i == 0) sb.Append("<strong>").Append(sentence).Append("</strong>");
                else if (paragraph == 2 && i == 1) sb.Append("<a href=\"https://example.org/rapport\">").Append(sentence).Append("</a>");
                else sb.Append(sentence);
                count += CountWords(sentence);
            }
            sb.Append("</p>\n");
            paragraph++;
        }
        return sb.ToString();
    }

    static int CountWords(string s)
    {
        var n = 1;
        foreach (var c in s) if (c == ' ') n++;
        return n;
    }
}
