namespace Kiosque.Content.Demo;

sealed record DemoPhoto(string Alt, string Caption, string Credit);

/// <summary>An "À lire aussi" entry: another demo article by its key, or an external link.</summary>
sealed record DemoRelated(string? ArticleKey, string? Url = null, string? Title = null, string? Source = null);

sealed record DemoArticle(string Section, string Headline, string Standfirst, string Body)
{
    /// <summary>Lets other demo articles list this one in their "À lire aussi".</summary>
    public string? Key { get; init; }
    public string? Dossier { get; init; }
    public string? Kicker { get; init; }
    /// <summary>How long before seeding it was published; negative for a scheduled article.</summary>
    public double HoursAgo { get; init; }
    public ArticleStatus Status { get; init; } = ArticleStatus.Published;
    public required string[] Authors { get; init; }
    public string[] Tags { get; init; } = [];
    public required DemoPhoto Photo { get; init; }
    public bool CommentsEnabled { get; init; } = true;
    public string? VideoId { get; init; }
    public int? AudioSeconds { get; init; }
    public string? Transcript { get; init; }
    public DemoRelated[] Related { get; init; } = [];
}

/// <summary>
/// The demo's articles. Every person, town, company and agency in them is invented; the texts were written
/// for Kiosque and must never borrow from the seed page or any real publication.
/// </summary>
static class DemoArticles
{
    const string Claire = "Claire Vasseur", Mathieu = "Mathieu Lenoir", Ines = "Inès Benali", Julien = "Julien Marchal";

    static DemoRelated See(string key) => new(key);
    static DemoRelated Link(string url, string title, string source) => new(null, url, title, source);

    public static readonly DemoArticle[] All =
    [
        // International
        new("International",
            "Interconnexions électriques : les Vingt-Sept veulent doubler les échanges entre pays d'ici dix ans",
            "Réunis à Bruxelles, les ministres de l'Énergie ont adopté une feuille de route pour multiplier les lignes transfrontalières. Le financement, lui, reste à trouver.",
            """
            <p>Il a fallu une nuit de discussions pour arracher un texte commun. Au petit matin, les ministres chargés de l'énergie des Vingt-Sept se sont entendus sur un objectif chiffré : doubler, en une décennie, la capacité des lignes électriques qui relient les réseaux nationaux entre eux. L'idée n'est pas neuve, mais jamais elle n'avait été assortie d'un calendrier aussi précis.</p>
            <p>Les partisans du projet avancent un argument simple : plus les réseaux sont connectés, plus il devient facile d'absorber les à-coups de la production éolienne et solaire. Quand le vent tombe sur la mer du Nord, les barrages alpins ou les centrales du Sud peuvent prendre le relais, à condition que les câbles existent.</p>
            <h2>Le casse-tête du financement</h2>
            <p>Reste la question qui fâche. Le coût des nouvelles lignes, sous-marines pour beaucoup, se chiffre en dizaines de milliards d'euros, et les pays traversés ne sont pas toujours ceux qui en profitent le plus. Plusieurs délégations ont demandé qu'une part soit prise en charge par le budget européen plutôt que par les seuls consommateurs nationaux.</p>
            <blockquote><p>« Un câble qui traverse trois frontières ne doit pas être payé par un seul pays », résumait un diplomate à la sortie de la réunion.</p></blockquote>
            <p>La Commission doit présenter au printemps un mécanisme de partage des coûts. D'ici là, les gestionnaires de réseau sont invités à dresser la liste des chantiers prioritaires. Retrouvez nos articles dans le dossier <a href="/dossiers/energie-en-europe">Énergie en Europe</a>.</p>
            """)
        {
            Key = "interconnexions", Dossier = DemoSite.Energy, HoursAgo = 2.5, Authors = [Claire], Tags = ["Énergie", "Europe"],
            Photo = new("Des pylônes à haute tension alignés dans une plaine au lever du jour",
                "Une ligne à très haute tension près d'une frontière, au lever du jour.", "©Hugo Brandt / Nordlicht Bild"),
            Related =
            [
                See("eolien-flottant"),
                See("prix-electricite-gaz"),
                Link("https://www.quotidien-du-matin.example/europe/reseaux-electriques-le-plan-de-bruxelles",
                    "Réseaux électriques : ce que contient le plan européen", "Le Quotidien du Matin"),
            ],
        },
        new("International",
            "Dans les ports de la mer du Nord, la course aux éoliennes flottantes est lancée",
            "Quais rallongés, grues géantes, chantiers navals reconvertis : les ports se disputent l'assemblage des futurs parcs en eaux profondes.",
            """
            <p>Sur le quai, les pièces ressemblent à des fragments de cathédrale couchés sur le flanc. Chaque flotteur d'acier pèse plusieurs milliers de tonnes et doit être assemblé au bord de l'eau, faute de pouvoir voyager par la route. C'est tout l'enjeu pour les ports de la mer du Nord : disposer des surfaces, des quais renforcés et de la profondeur d'eau nécessaires à ces chantiers hors normes.</p>
            <p>À la différence des éoliennes posées sur le fond, les modèles flottants peuvent être installés loin des côtes, là où le vent est plus régulier et où les fonds dépassent cinquante mètres. La technologie a longtemps été jugée trop chère. Les premiers parcs commerciaux changent la donne, et les autorités portuaires ne veulent pas rater le train.</p>
            <h2>Des emplois, mais pas partout</h2>
            <p>Les syndicats de dockers suivent le mouvement avec intérêt et méfiance. Un grand chantier d'assemblage peut faire travailler plusieurs centaines de personnes pendant deux ou trois ans, avant de se vider une fois les éoliennes remorquées au large. Les élus locaux plaident donc pour des contrats de maintenance longs, seuls à même de garantir une activité durable.</p>
            <blockquote><p>« Construire, c'est bien. Entretenir pendant trente ans, c'est mieux pour une ville portuaire », observe une responsable d'une chambre de commerce.</p></blockquote>
            <p>Les premiers appels d'offres doivent être attribués dans les prochains mois. Ils diront quels ports auront su se préparer à temps.</p>
            """)
        {
            Key = "eolien-flottant", Dossier = DemoSite.Energy, HoursAgo = 30, Authors = [Claire, Ines], Tags = ["Énergie", "Climat", "Europe"],
            Photo = new("Un flotteur d'éolienne en cours d'assemblage sur un quai portuaire",
                "L'assemblage d'un flotteur d'éolienne sur un quai de la mer du Nord.", "©Hugo Brandt / Nordlicht Bild"),
        },
        new("International",
            "Fleuves transfrontaliers : l'Europe cherche des règles pour partager l'eau en période de sécheresse",
            "Débits en baisse, barrages sollicités, agriculteurs inquiets : en aval comme en amont, les États constatent que les accords d'hier ne suffisent plus.",
            """
            <p>Les traités qui encadrent l'usage des grands fleuves européens ont souvent été rédigés pour régler des questions de navigation ou de pollution. Rares sont ceux qui prévoient ce qu'il faut faire lorsque l'eau vient tout simplement à manquer. Les étés secs de ces dernières années ont mis cette lacune en pleine lumière.</p>
            <p>En aval, les pays s'inquiètent de voir le débit diminuer au moment précis où leurs cultures en ont le plus besoin. En amont, on fait valoir que les barrages servent aussi à produire de l'électricité et à protéger les villes des crues. Chacun a ses raisons, et aucune instance ne tranche.</p>
            <h2>Vers des débits minimaux garantis</h2>
            <p>Une piste revient dans toutes les discussions : fixer, fleuve par fleuve, un débit minimal à respecter à chaque frontière, avec des règles de priorité entre l'eau potable, l'agriculture, l'industrie et l'énergie. Les experts réunis par plusieurs gouvernements doivent rendre leurs conclusions d'ici l'été.</p>
            <p>Les associations environnementales rappellent qu'un fleuve n'est pas un simple tuyau : il faut aussi laisser assez d'eau aux poissons, aux zones humides et aux nappes qui s'y rechargent. Notre dossier <a href="/dossiers/l-eau-sous-tension">L'eau sous tension</a> revient sur ces conflits d'usage.</p>
            """)
        {
            Dossier = DemoSite.Water, HoursAgo = 52, Authors = [Claire], Tags = ["Eau", "Europe", "Climat"],
            Photo = new("Un fleuve au débit très bas laisse apparaître de larges bancs de galets",
                "Des bancs de galets à découvert sur un fleuve en période d'étiage.", "©Léa Fontaine / Photo Sud"),
        },
        new("International",
            "Au Québec, des pompiers français partagent leurs méthodes contre les mégafeux",
            "Une vingtaine de sapeurs-pompiers du sud de la France ont passé trois semaines aux côtés de leurs homologues québécois. Ils en reviennent avec autant de questions que de réponses.",
            """
            <p>Ils pensaient connaître le feu. Habitués aux incendies de garrigue et de pinède, les pompiers du sud de la France engagés cet été dans les forêts boréales ont découvert un tout autre adversaire : des incendies qui couvent sous la mousse pendant des jours, resurgissent à des kilomètres et avancent sur des fronts larges comme un département.</p>
            <p>L'échange, prévu de longue date, devait surtout permettre de comparer les techniques. Les Français ont montré leur pratique du « feu tactique », qui consiste à brûler volontairement une bande de végétation pour priver l'incendie de combustible. Les Québécois, eux, ont insisté sur la logistique : comment ravitailler des équipes isolées à des centaines de kilomètres de la première route.</p>
            <blockquote><p>« Chez nous, on gagne ou on perd en quelques heures. Là-bas, c'est un marathon de plusieurs semaines », raconte un lieutenant de retour dans sa caserne.</p></blockquote>
            <p>Les deux services ont convenu de poursuivre les échanges l'an prochain, cette fois sur le sol français. Avec des étés plus chauds et plus longs, les forêts du nord de l'Hexagone pourraient elles aussi connaître des feux d'un genre nouveau.</p>
            """)
        {
            Kicker = "Forêts", HoursAgo = 77, Authors = [Julien], Tags = ["Climat", "Sciences"],
            Photo = new("Des pompiers en tenue marchent sur une piste forestière enfumée",
                "Une équipe de pompiers sur une piste forestière, au deuxième jour d'un incendie.", "©Antoine Delorme / Regards Presse"),
        },
        new("International",
            "Le cacao au plus haut, les planteurs réclament leur part de la hausse",
            "Les cours de la fève atteignent des niveaux inédits. Dans les plantations, pourtant, les revenus progressent bien moins vite que sur les marchés.",
            """
            <p>Jamais la tonne de cacao ne s'était échangée aussi cher sur les marchés à terme. Mauvaises récoltes, maladies des arbres, épisodes de sécheresse : les causes s'additionnent et l'offre peine à suivre une demande mondiale toujours vigoureuse. Les industriels du chocolat ont déjà prévenu que leurs prix de vente suivraient.</p>
            <p>Dans les principaux pays producteurs, le prix payé aux planteurs est souvent fixé à l'avance par les autorités, pour toute une campagne. Ce système protège les cultivateurs quand les cours s'effondrent, mais les prive d'une partie des gains lorsqu'ils s'envolent. Plusieurs coopératives demandent désormais une révision en cours de saison.</p>
            <h2>Un verger vieillissant</h2>
            <p>Au-delà de la conjoncture, les agronomes s'inquiètent de l'âge des plantations. Beaucoup d'arbres ont dépassé l'âge où ils produisent le plus, et les jeunes générations hésitent à reprendre des exploitations jugées peu rentables. Sans replantation massive, préviennent-ils, la pénurie pourrait durer bien au-delà de quelques mauvaises années.</p>
            <p>Pour le consommateur européen, la conséquence est déjà visible dans les rayons : tablettes plus petites, recettes modifiées, promotions plus rares.</p>
            """)
        {
            Kicker = "Matières premières", HoursAgo = 140, Authors = [Ines], Tags = ["Emploi"],
            Photo = new("Des cabosses de cacao jaunes et rouges dans un panier tressé",
                "Des cabosses fraîchement récoltées dans une coopérative.", "©Sofia Ribeiro / Agence Kiosque"),
        },

        // Politique
        new("Politique",
            "Sécheresse : à Valmont-sur-Loire, le conseil municipal coupe l'arrosage des espaces verts",
            "Après un débat tendu, la majorité a voté la fin de l'arrosage des pelouses publiques jusqu'à l'automne. L'opposition dénonce une mesure d'affichage.",
            """
            <p>La séance a duré près de quatre heures, et la salle du conseil était pleine comme rarement. À Valmont-sur-Loire, commune de douze mille habitants, la maire a fait adopter une délibération qui suspend l'arrosage des pelouses, des massifs et des terrains de sport municipaux jusqu'à la fin du mois d'octobre. Seuls les arbres plantés depuis moins de trois ans continueront d'être arrosés, au goutte-à-goutte.</p>
            <p>La décision intervient alors que le préfet a placé le bassin en alerte renforcée. Les nappes qui alimentent la commune sont à un niveau historiquement bas pour la saison, et le syndicat des eaux a déjà dû réduire la pression dans certains quartiers la nuit.</p>
            <blockquote><p>« Nous ne pouvons pas demander aux habitants de ne plus laver leur voiture et continuer à arroser les ronds-points », a justifié l'élue.</p></blockquote>
            <h2>Le football amateur inquiet</h2>
            <p>L'opposition a voté contre, jugeant la mesure symbolique au regard des fuites du réseau, qui feraient perdre près d'un litre sur cinq avant qu'il n'atteigne les robinets. Les clubs sportifs, eux, craignent pour l'état des terrains à la reprise des championnats. La municipalité promet un plan de rénovation des canalisations, dont le coût sera présenté au prochain budget.</p>
            """)
        {
            Key = "valmont", Dossier = DemoSite.Water, HoursAgo = 6, Authors = [Mathieu], Tags = ["Eau", "Collectivités"],
            Photo = new("Une pelouse jaunie devant une mairie, avec un panneau d'interdiction d'arrosage",
                "Devant l'hôtel de ville de Valmont-sur-Loire, la pelouse n'est plus arrosée.", "©Camille Rousseau / Agence Kiosque"),
            Related = [See("nappes"), See("chateau-d-eau")],
        },
        new("Politique",
            "Écoles rurales : les maires réclament un fonds pour rénover leurs bâtiments",
            "Toitures qui fuient, chauffage au fioul, fenêtres d'un autre âge : l'association des petites communes chiffre les besoins et demande l'aide de l'État.",
            """
            <p>Dans beaucoup de villages, l'école est le plus grand bâtiment public, et souvent le plus ancien. Construites pour la plupart entre les deux guerres ou dans les années soixante, ces écoles coûtent cher à chauffer et se prêtent mal aux normes d'accessibilité. Pour une commune de quelques centaines d'habitants, une rénovation complète peut représenter plusieurs années de budget d'investissement.</p>
            <p>L'association qui fédère les maires des petites communes a mené l'enquête auprès de ses adhérents. Les réponses dessinent un patrimoine fatigué : une école sur trois serait encore chauffée au fioul, et une majorité n'a connu aucun chantier d'isolation depuis vingt ans.</p>
            <h2>Un guichet unique demandé</h2>
            <p>Les élus ne réclament pas seulement de l'argent. Ils dénoncent la complexité des dossiers de subvention, qui les oblige à solliciter trois ou quatre financeurs différents, chacun avec son calendrier. Ils plaident pour un guichet unique, capable d'instruire une demande en quelques mois.</p>
            <p>Le ministère dit « étudier les propositions » et rappelle que plusieurs dispositifs existent déjà. Les maires, eux, comptent porter le sujet au prochain congrès de leur association.</p>
            """)
        {
            Kicker = "Collectivités", HoursAgo = 20, Authors = [Mathieu], Tags = ["Collectivités", "Budget"],
            Photo = new("La façade en pierre d'une petite école de village avec son préau",
                "Une école communale construite dans l'entre-deux-guerres, dans un village du Centre.", "©Théo Marquet / Regards Presse"),
        },
        new("Politique",
            "Droit à la réparation : une proposition de loi transpartisane arrive à l'Assemblée",
            "Des députés de quatre groupes veulent obliger les fabricants d'électroménager à fournir pièces et notices pendant quinze ans.",
            """
            <p>C'est un texte rare dans un hémicycle fragmenté : cosigné par des élus de la majorité comme de l'opposition, il vise à rendre la réparation des appareils ménagers plus simple et moins chère. Lave-linge, réfrigérateurs, aspirateurs et fours seraient concernés.</p>
            <p>Le cœur de la proposition tient en une obligation : rendre disponibles, pendant quinze ans après la fin de la commercialisation d'un modèle, les pièces détachées et la documentation technique, y compris pour les réparateurs indépendants. Les auteurs veulent aussi interdire les pratiques qui empêchent de remplacer une pièce d'origine par une pièce compatible.</p>
            <blockquote><p>« Une machine à laver qui part à la casse pour une carte électronique introuvable, c'est un non-sens économique et écologique », plaide l'un des rapporteurs.</p></blockquote>
            <p>Les fabricants, par la voix de leur fédération, s'inquiètent du coût du stockage des pièces et redoutent des contrefaçons. Le texte sera examiné en commission la semaine prochaine ; ses promoteurs espèrent une inscription à l'ordre du jour avant l'été.</p>
            """)
        {
            Kicker = "Parlement", HoursAgo = 44, Authors = [Mathieu], Tags = ["Climat"],
            Photo = new("Un réparateur démonte le tambour d'un lave-linge dans son atelier",
                "Dans un atelier de réparation d'électroménager.", "©Nadia Kessler / Photo Sud"),
        },
        new("Politique",
            "Rénovation énergétique : les copropriétés attendent toujours la simplification promise",
            "Votes en assemblée générale, avances de trésorerie, dossiers interminables : rénover un immeuble reste un parcours d'obstacles. Des parlementaires proposent de le raccourcir.",
            """
            <p>Isoler une maison individuelle est devenu relativement courant. Rénover un immeuble de quarante logements relève encore de l'exploit. Il faut convaincre une majorité de copropriétaires, faire réaliser un audit, choisir les entreprises, puis avancer une partie des fonds avant de percevoir les aides. Entre le premier devis et le début du chantier, trois à quatre ans s'écoulent souvent.</p>
            <p>Un rapport parlementaire rendu public cette semaine propose plusieurs mesures pour accélérer le mouvement : abaisser la majorité requise pour voter les travaux d'économie d'énergie, permettre aux syndics d'emprunter au nom de la copropriété à taux bonifié, et verser les aides dès la signature des marchés.</p>
            <h2>Un enjeu pour les factures</h2>
            <p>L'enjeu dépasse le confort. Dans les immeubles mal isolés, une part croissante des ménages peine à payer les charges de chauffage collectif, dont le montant suit l'évolution des prix du gaz. Les associations de locataires rappellent que les occupants ne sont pas toujours les propriétaires, et qu'ils n'ont pas voix au chapitre lors des assemblées générales.</p>
            <p>Le gouvernement doit dire d'ici la fin du mois lesquelles de ces propositions il reprend. À lire également, notre décryptage sur <a href="/decryptages/pourquoi-le-prix-de-l-electricite-depend-encore-du-gaz">le lien entre prix du gaz et prix de l'électricité</a>.</p>
            """)
        {
            Dossier = DemoSite.Energy, HoursAgo = 98, Authors = [Mathieu, Ines], Tags = ["Énergie", "Budget"],
            Photo = new("Un immeuble des années soixante-dix couvert d'échafaudages",
                "Un immeuble en cours d'isolation par l'extérieur.", "©Camille Rousseau / Agence Kiosque"),
        },
        new("Politique",
            "Trois régions testent un billet unique pour leurs trains et leurs cars",
            "Pendant six mois, un même titre permettra de voyager sur l'ensemble des lignes de trois régions voisines. Les élus espèrent convaincre des automobilistes.",
            """
            <p>Changer de région sans changer de billet : c'est la promesse d'une expérimentation qui démarre le mois prochain. Trois conseils régionaux voisins ont décidé de reconnaître mutuellement leurs abonnements et de créer un titre commun, valable une journée sur tous leurs trains et cars.</p>
            <p>L'idée est née d'un constat partagé : les trajets quotidiens ignorent les frontières administratives. Des milliers de salariés vivent d'un côté d'une limite régionale et travaillent de l'autre, et doivent aujourd'hui jongler avec deux abonnements et deux applications.</p>
            <blockquote><p>« Le voyageur ne sait pas où passe la limite entre deux régions, et il n'a pas à le savoir », résume le vice-président chargé des transports de l'une d'elles.</p></blockquote>
            <p>Le coût de l'opération, estimé à quelques millions d'euros, sera partagé entre les trois collectivités. Une évaluation est prévue au terme des six mois, avant une éventuelle généralisation.</p>
            """)
        {
            Kicker = "Mobilités", HoursAgo = 165, Authors = [Mathieu], Tags = ["Transports", "Collectivités"],
            Photo = new("Un train régional à quai dans une petite gare au crépuscule",
                "Un train régional en gare, en fin de journée.", "©Théo Marquet / Regards Presse"),
        },

        // Économie
        new("Économie",
            "Factures d'électricité : ce qui change pour les ménages avec le nouveau tarif",
            "La révision du tarif réglementé se traduira par une baisse modeste pour la plupart des foyers. Mais l'abonnement, lui, augmente.",
            """
            <p>La nouvelle grille tarifaire entre en vigueur dans les prochains jours, et elle réserve des effets contrastés. Le prix du kilowattheure recule légèrement, reflet de marchés de gros plus calmes qu'au cours des hivers précédents. La part fixe de la facture, l'abonnement, progresse en revanche pour financer l'entretien et le renforcement des réseaux.</p>
            <h2>Les petits consommateurs moins gagnants</h2>
            <p>Conséquence de ce double mouvement : plus un foyer consomme, plus il profite de la baisse. Un ménage chauffé à l'électricité verra sa facture annuelle diminuer de quelques dizaines d'euros. Une personne seule dans un studio, qui consomme peu, pourrait au contraire payer un peu plus qu'avant.</p>
            <p>Les associations de consommateurs jugent ce choix peu cohérent avec l'objectif affiché de sobriété. Elles demandent que la hausse des coûts de réseau pèse davantage sur la consommation que sur l'abonnement.</p>
            <blockquote><p>« On envoie le signal que consommer moins ne rapporte plus grand-chose », regrette une juriste d'une association de défense des usagers.</p></blockquote>
            <p>Pour savoir ce que la réforme change pour vous, le plus simple reste de comparer la puissance souscrite à vos besoins réels : beaucoup de foyers paient un abonnement surdimensionné.</p>
            """)
        {
            Key = "factures", Dossier = DemoSite.Energy, HoursAgo = 4, Authors = [Ines], Tags = ["Énergie", "Budget"],
            Photo = new("Un compteur électrique communicant fixé au mur d'une entrée d'immeuble",
                "Un compteur électrique dans une entrée d'immeuble.", "©Nadia Kessler / Photo Sud"),
            Related =
            [
                See("prix-electricite-gaz"),
                See("podcast-hiver"),
                Link("https://www.gazette-de-l-est.example/conso/electricite-comment-lire-sa-facture",
                    "Électricité : comment lire sa facture ligne par ligne", "La Gazette de l'Est"),
            ],
        },
        new("Économie",
            "À Brévannes, une sucrerie convertie au biogaz sauve quatre-vingts emplois",
            "Promise à la fermeture, l'usine transforme désormais pulpes de betterave et résidus agricoles en gaz injecté dans le réseau. Un pari industriel encore fragile.",
            """
            <p>Il y a deux ans, les salariés de la sucrerie de Brévannes s'attendaient à recevoir leur lettre de licenciement. Le groupe propriétaire jugeait le site trop petit et trop ancien pour rester compétitif. Aujourd'hui, les cheminées fument de nouveau, mais l'usine ne fabrique plus seulement du sucre : elle produit aussi du gaz.</p>
            <p>Le principe est celui de la méthanisation. Les pulpes de betterave, autrefois vendues à bas prix pour l'alimentation animale, sont mélangées à d'autres résidus agricoles de la région, puis laissées à fermenter dans de grandes cuves. Le biogaz obtenu est épuré et injecté dans le réseau de distribution, de quoi chauffer l'équivalent de plusieurs milliers de logements.</p>
            <h2>Un modèle qui dépend des prix</h2>
            <p>La reconversion a coûté plusieurs dizaines de millions d'euros, financés en partie par une coopérative d'agriculteurs entrée au capital. Son équilibre repose sur un tarif d'achat garanti pour le gaz injecté. Si ce soutien public venait à être revu à la baisse, préviennent les dirigeants, l'équation deviendrait beaucoup plus délicate.</p>
            <p>Les riverains restent partagés : certains saluent le maintien de l'activité, d'autres s'inquiètent des odeurs et du ballet des camions pendant la campagne betteravière.</p>
            """)
        {
            Dossier = DemoSite.Energy, HoursAgo = 55, Authors = [Ines], Tags = ["Énergie", "Emploi"],
            Photo = new("Deux grandes cuves de méthanisation vertes à côté d'une usine en briques",
                "Les cuves de méthanisation installées à côté de l'ancienne sucrerie de Brévannes.", "©Camille Rousseau / Agence Kiosque"),
        },
        new("Économie",
            "La seconde main s'installe dans les rayons des grandes surfaces",
            "Vêtements, jouets, petit électroménager : les enseignes ouvrent des espaces d'occasion pour séduire une clientèle qui compte chaque euro.",
            """
            <p>Entre le rayon des yaourts et celui des piles, un espace aux allures de friperie a fait son apparition. Dans plusieurs hypermarchés, des portants de vêtements d'occasion, des bacs de jouets révisés et des étagères de grille-pain reconditionnés côtoient désormais les produits neufs.</p>
            <p>Pour les distributeurs, l'enjeu est double. L'occasion attire des clients qui fréquentaient jusqu'ici les plateformes en ligne ou les vide-greniers, et elle permet de soigner une image plus responsable. Les marges sont modestes, mais le passage en magasin entraîne d'autres achats.</p>
            <blockquote><p>« Nos clients viennent pour un manteau à huit euros et repartent avec leurs courses de la semaine », constate le directeur d'un magasin de périphérie.</p></blockquote>
            <p>Les acteurs historiques de la seconde main, associations et ressourceries en tête, observent le phénomène avec prudence. Ils craignent que les grandes enseignes ne captent les dons les plus intéressants, au détriment des structures d'insertion qui en vivent.</p>
            """)
        {
            Kicker = "Consommation", HoursAgo = 27, Authors = [Ines], Tags = ["Budget"],
            Photo = new("Des portants de vêtements d'occasion dans une allée de supermarché",
                "Un espace consacré à la seconde main dans un hypermarché.", "©Sofia Ribeiro / Agence Kiosque"),
        },
        new("Économie",
            "Soudeurs, chaudronniers, tuyauteurs : les PME industrielles manquent de bras",
            "Malgré des salaires en hausse, de nombreux ateliers ne parviennent pas à pourvoir leurs postes. Certains forment eux-mêmes leurs futurs salariés.",
            """
            <p>L'annonce est affichée depuis huit mois à l'entrée de l'atelier : « Recherche soudeur confirmé, CDI, salaire motivant ». Le dirigeant de cette entreprise de chaudronnerie de quarante salariés a tout essayé, des sites spécialisés aux agences d'intérim. Sans succès. Faute de personnel, il a dû refuser deux commandes depuis le début de l'année.</p>
            <p>Son cas n'a rien d'isolé. Les organisations patronales de la métallurgie estiment que des dizaines de milliers de postes qualifiés restent vacants dans le secteur. Les départs à la retraite de la génération du baby-boom ont vidé les ateliers plus vite que les lycées professionnels ne les remplissent.</p>
            <h2>Former en interne</h2>
            <p>Pour s'en sortir, de plus en plus de PME créent leur propre école. Elles recrutent des personnes sans expérience, parfois en reconversion, et les forment pendant plusieurs mois avec un tuteur. L'investissement est lourd, mais il fidélise : les salariés formés sur place quittent rarement l'entreprise dans les premières années.</p>
            <p>Les syndicats rappellent de leur côté que l'attractivité passe aussi par les conditions de travail : horaires décalés, bruit, fumées et pénibilité restent des freins pour les jeunes.</p>
            """)
        {
            Kicker = "Emploi", HoursAgo = 70, Authors = [Ines], Tags = ["Emploi"],
            Photo = new("Un soudeur casqué penché sur une pièce métallique dans une gerbe d'étincelles",
                "Dans un atelier de chaudronnerie, un soudeur au travail.", "©Théo Marquet / Regards Presse"),
        },
        new("Économie",
            "Les Français épargnent toujours autant, un casse-tête pour la croissance",
            "Le taux d'épargne des ménages reste bien au-dessus de son niveau d'avant la crise sanitaire. Les économistes s'interrogent sur les raisons de cette prudence.",
            """
            <p>Chaque trimestre, les statisticiens s'attendent à le voir redescendre, et chaque trimestre il résiste. Le taux d'épargne des ménages français reste élevé, plusieurs points au-dessus de sa moyenne de la décennie précédente. Autant d'argent qui ne se transforme pas en consommation, alors que celle-ci reste le premier moteur de la croissance.</p>
            <p>Plusieurs explications se combinent. L'inflation des dernières années a rendu les ménages plus prudents, soucieux de reconstituer un matelas de sécurité. Les livrets réglementés, longtemps rémunérés presque zéro, sont redevenus attractifs. Et l'incertitude sur l'avenir des retraites incite une partie des actifs à mettre de côté plus tôt.</p>
            <blockquote><p>« Les ménages ne manquent pas d'argent en moyenne ; ils manquent de visibilité », résume une économiste spécialiste de la consommation.</p></blockquote>
            <p>Cette moyenne masque de fortes disparités : l'essentiel de l'épargne supplémentaire est le fait des foyers les plus aisés, tandis que les plus modestes n'ont souvent aucune marge de manœuvre en fin de mois.</p>
            """)
        {
            Kicker = "Épargne", HoursAgo = 190, Authors = [Ines], Tags = ["Budget"],
            Photo = new("Des pièces de monnaie empilées à côté d'un carnet de comptes ouvert",
                "Le taux d'épargne des ménages reste élevé.", "©Archives Le Kiosque"),
        },

        // Décryptages
        new("Décryptages",
            "Pourquoi le prix de l'électricité dépend encore du gaz",
            "Même quand une faible part du courant sort des centrales à gaz, ce sont souvent elles qui fixent le prix sur le marché. Explications.",
            """
            <p>La question revient à chaque flambée des prix : comment le gaz peut-il peser autant sur la facture d'électricité d'un pays qui en brûle relativement peu pour produire son courant ? La réponse tient au fonctionnement du marché de gros européen, où les producteurs vendent leur électricité heure par heure.</p>
            <h2>Le principe de la dernière centrale appelée</h2>
            <p>Sur ce marché, les centrales sont mobilisées par ordre de coût croissant : d'abord les installations dont le fonctionnement ne coûte presque rien, comme l'éolien, le solaire ou l'hydraulique au fil de l'eau, puis le nucléaire, et enfin les centrales à gaz ou à charbon. Le prix payé à tous les producteurs, à une heure donnée, est celui de la dernière centrale nécessaire pour répondre à la demande. Aux heures de pointe, c'est très souvent une centrale à gaz.</p>
            <p>Ce mécanisme a sa logique : il incite à construire les moyens de production les moins chers à faire tourner et garantit que la demande est couverte. Mais quand le prix du gaz s'envole, il fait grimper le prix de toute l'électricité, y compris celle qui ne doit rien au gaz.</p>
            <blockquote><p>Le prix de marché reflète le coût de la dernière centrale appelée, pas le coût moyen de production du pays.</p></blockquote>
            <h2>Ce qui pourrait changer</h2>
            <p>Pour atténuer cet effet, les États développent les contrats de long terme à prix fixe, qui soustraient une partie de la production au marché quotidien. Le débat porte désormais sur la part de l'électricité qu'il faudrait ainsi sécuriser, et sur le prix retenu. Pour aller plus loin, lisez notre article sur <a href="/economie/factures-d-electricite-ce-qui-change-pour-les-menages-avec-le-nouveau-tarif">les nouveaux tarifs</a>.</p>
            """)
        {
            Key = "prix-electricite-gaz", Dossier = DemoSite.Energy, HoursAgo = 12, Authors = [Ines, Claire], Tags = ["Énergie", "Europe"],
            Photo = new("Une centrale à gaz à cycle combiné et ses cheminées au crépuscule",
                "Une centrale au gaz à la tombée du jour.", "©Hugo Brandt / Nordlicht Bild"),
            Related = [See("factures"), See("interconnexions")],
        },
        new("Décryptages",
            "Nappes phréatiques : comment mesure-t-on l'eau que l'on ne voit pas ?",
            "Des milliers de forages de surveillance renseignent en continu le niveau des eaux souterraines. Encore faut-il savoir lire leurs données.",
            """
            <p>Quand un bulletin annonce que les nappes sont « sous les normales de saison », l'information provient d'un réseau discret : plusieurs milliers de piézomètres, de simples tubes plantés dans le sol jusqu'à la nappe, équipés d'une sonde qui mesure la hauteur de l'eau. Beaucoup transmettent leurs relevés chaque jour, automatiquement.</p>
            <h2>Une nappe n'est pas un lac</h2>
            <p>Contrairement à une image répandue, une nappe phréatique n'est pas un grand lac souterrain. C'est de l'eau qui imprègne les pores et les fissures d'une roche, comme dans une éponge. Certaines se rechargent en quelques semaines après de fortes pluies ; d'autres, plus profondes, réagissent avec des mois, voire des années de retard.</p>
            <p>C'est ce qui rend l'interprétation délicate. Un hiver pluvieux peut suffire à remplir une nappe superficielle et laisser presque intact le déficit d'une nappe profonde. Les hydrogéologues comparent donc chaque mesure à l'historique du même point, souvent sur plusieurs décennies.</p>
            <blockquote><p>Ce qui compte, ce n'est pas le niveau d'un jour, mais sa position par rapport à ce que l'on observe habituellement à la même date.</p></blockquote>
            <p>Ces données sont publiques et consultables en ligne. Elles servent aux préfets pour décider des restrictions d'usage, comme celles adoptées récemment <a href="/politique/secheresse-a-valmont-sur-loire-le-conseil-municipal-coupe-l-arrosage-des-espaces-verts">à Valmont-sur-Loire</a>.</p>
            """)
        {
            Key = "nappes", Dossier = DemoSite.Water, HoursAgo = 36, Authors = [Julien], Tags = ["Eau", "Sciences"],
            Photo = new("Un hydrogéologue relève le niveau d'eau d'un forage avec une sonde",
                "Relevé manuel sur un piézomètre, en complément de la mesure automatique.", "©Léa Fontaine / Photo Sud"),
            Related = [See("valmont")],
        },
        new("Décryptages",
            "Télétravail et productivité : ce que l'on sait, et ce que l'on ignore encore",
            "Les études se multiplient et se contredisent. Un tour d'horizon de ce que la recherche permet réellement d'affirmer.",
            """
            <p>Le débat est devenu presque idéologique : pour les uns, le travail à distance libère du temps et de l'énergie ; pour les autres, il dilue la cohésion et freine l'apprentissage. Entre les deux, les économistes tentent de mesurer, avec des résultats moins tranchés qu'on ne le dit souvent.</p>
            <h2>Le mode hybride, un compromis solide</h2>
            <p>Les travaux les plus convaincants portent sur le télétravail partiel, deux ou trois jours par semaine. Dans plusieurs expériences menées en entreprise, avec des groupes comparables tirés au sort, la productivité individuelle ne baisse pas, et les démissions diminuent nettement. Pour l'employeur, cette fidélisation représente une économie réelle.</p>
            <p>Le tableau est plus nuancé pour le télétravail complet. Certaines tâches répétitives s'en accommodent très bien ; les métiers qui reposent sur la collaboration informelle ou l'apprentissage auprès des plus expérimentés semblent en pâtir, en particulier pour les jeunes salariés.</p>
            <h2>Les angles morts</h2>
            <p>Reste ce que les études mesurent mal : la créativité, la capacité d'innovation d'une équipe, les effets à long terme sur les carrières. Sur ces points, la recherche n'en est qu'à ses débuts, et les chercheurs invitent à se méfier des conclusions définitives.</p>
            """)
        {
            Kicker = "Travail", HoursAgo = 60, Authors = [Ines], Tags = ["Emploi"],
            Photo = new("Une personne travaille sur un ordinateur portable à une table de cuisine",
                "Deux ou trois jours par semaine à la maison : le rythme le plus répandu.", "©Sofia Ribeiro / Agence Kiosque"),
        },
        new("Décryptages",
            "Dette publique : faut-il vraiment s'en inquiéter ? Quatre questions pour y voir clair",
            "Le chiffre impressionne, les comparaisons abondent. Ce qui compte pourtant, c'est moins le montant que la charge des intérêts et la confiance des prêteurs.",
            """
            <p><strong>Que mesure-t-on exactement ?</strong> La dette publique additionne ce que doivent l'État, les collectivités locales et la Sécurité sociale. On l'exprime en pourcentage du produit intérieur brut, ce qui permet de comparer des pays de tailles différentes, mais rapporte un stock accumulé sur des décennies à la richesse produite en une seule année.</p>
            <p><strong>Pourquoi en parle-t-on autant aujourd'hui ?</strong> Parce que les taux d'intérêt ont remonté. Pendant des années, l'État empruntait presque gratuitement ; chaque nouvelle émission se fait désormais à un coût plus élevé, et la charge des intérêts grignote des marges qui pourraient financer l'école, la santé ou la transition écologique.</p>
            <p><strong>Un pays peut-il faire faillite ?</strong> Un État qui emprunte dans sa propre monnaie, au sein d'une union monétaire solide, ne fait pas faillite comme une entreprise. Le risque réel est plus insidieux : que les prêteurs exigent une prime croissante, qui contraint ensuite toute la politique budgétaire.</p>
            <blockquote><p>« La dette n'est pas un problème en soi ; elle le devient quand on ne sait plus expliquer à quoi elle sert », souligne un ancien magistrat financier.</p></blockquote>
            <p><strong>Que faire ?</strong> Les économistes s'accordent sur un point : mieux vaut une trajectoire crédible et progressive qu'un coup de rabot brutal, qui risquerait d'étouffer l'activité et, au bout du compte, de réduire les recettes.</p>
            """)
        {
            Kicker = "Finances publiques", HoursAgo = 120, Authors = [Mathieu, Ines], Tags = ["Budget"],
            Photo = new("La façade d'un bâtiment administratif avec un drapeau tricolore",
                "La trajectoire des finances publiques sera au cœur du prochain débat budgétaire.", "©Antoine Delorme / Regards Presse"),
        },
        new("Décryptages",
            "Petites lignes ferroviaires : un réseau à bout de souffle ou en sursis ?",
            "Des milliers de kilomètres de voies uniques desservent les campagnes. Leur rénovation coûte cher ; leur fermeture coûterait peut-être davantage.",
            """
            <p>On les appelle « petites lignes » ou « lignes de desserte fine du territoire ». Elles représentent une part importante du réseau ferré mais transportent une faible fraction des voyageurs. Beaucoup datent du XIXᵉ siècle et, faute d'entretien suffisant pendant des décennies, les trains y roulent parfois au pas, sur des rails fatigués.</p>
            <h2>Le coût de l'inaction</h2>
            <p>Rénover une ligne coûte souvent plusieurs centaines de milliers d'euros par kilomètre. Mais la laisser se dégrader n'est pas gratuit : les ralentissements font fuir les voyageurs, les recettes baissent, et le report vers la route se paie en embouteillages, en pollution et en entretien des routes départementales.</p>
            <p>Depuis quelques années, les régions ont repris la main sur plusieurs de ces lignes, avec des résultats variables. Certaines ont vu leur fréquentation bondir après travaux et renforcement de l'offre ; d'autres restent désespérément vides, faute de correspondances bien pensées.</p>
            <blockquote><p>Une ligne rénovée sans horaires adaptés aux besoins des habitants reste une ligne vide.</p></blockquote>
            <p>Les spécialistes plaident pour juger chaque ligne à l'aune du bassin de vie qu'elle dessert, plutôt que de sa seule fréquentation actuelle.</p>
            """)
        {
            Kicker = "Transports", HoursAgo = 215, Authors = [Mathieu], Tags = ["Transports", "Collectivités"],
            Photo = new("Une voie ferrée unique traverse une campagne vallonnée sous un ciel nuageux",
                "Une ligne à voie unique en zone rurale.", "©Théo Marquet / Regards Presse"),
        },

        // Pépites
        new("Pépites",
            "Un hérisson immobilise un TER pendant vingt minutes",
            "Installé entre les rails, l'animal refusait de bouger. Le conducteur a fini par l'escorter jusqu'au talus.",
            """
            <p>Les voyageurs du train de 7 h 42 s'attendaient à un retard pour cause de signalisation ou d'affluence. L'annonce du contrôleur a surpris tout le monde : la rame était arrêtée en pleine campagne à cause d'un hérisson, roulé en boule au milieu de la voie, juste devant la motrice.</p>
            <p>Après plusieurs minutes d'attente, le conducteur a obtenu l'autorisation de descendre avec son collègue. Munis de gants épais et d'un carton récupéré dans la cabine, ils ont délicatement déplacé l'animal vers un fossé, sous les applaudissements des passagers massés aux fenêtres.</p>
            <p>Le train est arrivé en gare avec vingt minutes de retard. Sur les réseaux sociaux de la région, la photo du hérisson a suscité bien plus de réactions que le retard lui-même.</p>
            """)
        {
            Kicker = "Insolite", HoursAgo = 9, Authors = [Julien], Tags = ["Transports"],
            Photo = new("Un hérisson roulé en boule sur le ballast entre deux rails",
                "Le hérisson, peu avant d'être raccompagné vers le talus.", "©Léa Fontaine / Photo Sud"),
        },
        new("Pépites",
            "La bibliothèque de Saint-Aurel prête désormais des outils de jardinage",
            "Bêches, sécateurs et grelinettes rejoignent les romans et les bandes dessinées. Le succès a dépassé les attentes.",
            """
            <p>À côté du rayon polars, une étagère inattendue : des bêches, des râteaux, un motoculteur électrique et une collection de sécateurs soigneusement étiquetés. Depuis le printemps, la bibliothèque municipale de Saint-Aurel prête des outils de jardinage avec la même carte que pour les livres, pour trois semaines renouvelables.</p>
            <p>L'idée vient d'une bibliothécaire, frappée de voir tant de voisins acheter un outil pour ne s'en servir que deux fois par an. Une partie du matériel a été donnée par les habitants, le reste acheté grâce à une petite subvention.</p>
            <blockquote><p>« On prête bien des livres qu'on ne lit qu'une fois. Pourquoi pas une tarière ? », s'amuse-t-elle.</p></blockquote>
            <p>La liste d'attente pour la débroussailleuse atteint déjà deux mois. La commune envisage d'étendre l'offre au petit bricolage à la rentrée.</p>
            """)
        {
            Kicker = "Initiative", HoursAgo = 46, Authors = [Mathieu], Tags = ["Collectivités", "Culture"],
            Photo = new("Des outils de jardinage étiquetés rangés sur une étagère de bibliothèque",
                "L'étagère des outils, entre les romans policiers et les bandes dessinées.", "©Camille Rousseau / Agence Kiosque"),
        },
        new("Pépites",
            "Jeanne Arnal, libraire de Saint-Aurel pendant soixante ans, s'est éteinte",
            "Elle avait ouvert sa boutique à vingt ans et ne l'avait jamais quittée. Toute une ville lui doit ses premières lectures.",
            """
            <p>Pendant six décennies, la vitrine de la librairie Arnal a été l'un des repères de la rue principale de Saint-Aurel. Jeanne Arnal, qui l'avait fondée au sortir de ses études, s'est éteinte cette semaine à l'âge de quatre-vingt-un ans, entourée des siens.</p>
            <p>Elle connaissait les goûts de chacun de ses clients et avait l'habitude de glisser dans les paquets un petit mot recommandant un autre titre. Plusieurs générations d'écoliers ont acheté chez elle leurs premiers romans, souvent avec l'argent de poche économisé pendant des semaines.</p>
            <p>La librairie, reprise il y a cinq ans par son ancienne apprentie, gardera son nom. Un registre est ouvert à l'intérieur pour ceux qui souhaitent laisser un message à la famille. Par respect pour ses proches, les commentaires sont fermés sous cet article.</p>
            """)
        {
            Kicker = "Disparition", HoursAgo = 66, Authors = [Mathieu], Tags = ["Culture"], CommentsEnabled = false,
            Photo = new("La vitrine éclairée d'une petite librairie de centre-ville, le soir",
                "La vitrine de la librairie Arnal, dans la rue principale de Saint-Aurel.", "©Archives Le Kiosque"),
        },
        new("Pépites",
            "Des lycéens construisent un télescope avec des pièces de récupération",
            "Un tube de gouttière, un miroir poli à la main, une vieille fourche de vélo : en un an, une classe a fabriqué un instrument capable de montrer les anneaux de Saturne.",
            """
            <p>Le projet a démarré par un défi lancé par leur professeur de physique : construire un vrai télescope en dépensant moins de cent euros. Une vingtaine d'élèves de première ont relevé le pari, en récupérant l'essentiel des matériaux dans les garages de leurs familles et à la déchetterie.</p>
            <p>La partie la plus délicate a été le polissage du miroir, qui a demandé des dizaines d'heures de travail patient, à tour de rôle, pendant les pauses de midi. Le tube provient d'une gouttière en zinc, et la monture a été bricolée à partir d'une fourche de vélo.</p>
            <p>Lors de la première soirée d'observation, organisée dans la cour du lycée, les anneaux de Saturne sont apparus nettement dans l'oculaire. Les élèves présenteront leur instrument au prochain concours régional de culture scientifique.</p>
            """)
        {
            Kicker = "Sciences", HoursAgo = 88, Authors = [Julien], Tags = ["Sciences"],
            Photo = new("Des lycéens règlent un télescope artisanal dans une cour, de nuit",
                "Première séance d'observation dans la cour du lycée.", "©Nadia Kessler / Photo Sud"),
        },
        new("Pépites",
            "Le dernier cordonnier de la rue des Tanneurs passe la main à son apprentie",
            "Après quarante-deux ans derrière son établi, il transmet l'échoppe à la jeune femme qu'il forme depuis trois ans.",
            """
            <p>L'odeur de cuir et de colle n'a pas changé, ni le carillon au-dessus de la porte. Mais depuis lundi, c'est une autre main qui tient l'alène dans la petite boutique de la rue des Tanneurs. Le cordonnier qui l'occupait depuis plus de quarante ans a officiellement cédé son fonds de commerce à son apprentie.</p>
            <p>La jeune femme, arrivée un jour pour faire ressemeler une paire de bottes, n'est plus jamais vraiment repartie. Elle a appris le métier sur place, en alternance, et a obtenu son diplôme au printemps.</p>
            <blockquote><p>« Je ne vends pas une boutique, je laisse des clients entre de bonnes mains », glisse le cordonnier, qui promet de passer régulièrement.</p></blockquote>
            <p>La nouvelle gérante compte ajouter la réparation de sacs et de ceintures à l'activité, et proposer des ateliers d'initiation le samedi matin.</p>
            """)
        {
            Kicker = "Artisanat", HoursAgo = 230, Authors = [Julien], Tags = ["Culture", "Emploi"],
            Photo = new("Une cordonnière répare une chaussure sur un établi encombré d'outils",
                "Dans l'échoppe de la rue des Tanneurs.", "©Camille Rousseau / Agence Kiosque"),
        },

        // Vidéos
        new("Vidéos",
            "En vidéo : une nuit avec les techniciens qui veillent sur le réseau électrique",
            "Dans une salle de contrôle régionale, une équipe surveille jour et nuit l'équilibre entre production et consommation. Nous l'avons suivie jusqu'à l'aube.",
            """
            <p>Sur le mur d'écrans, des courbes montent et descendent au rythme de la vie de millions de foyers. À vingt heures, la consommation atteint son pic : fours, plaques de cuisson et chauffages tournent en même temps. Les opérateurs ajustent alors, minute par minute, la production des centrales et les échanges avec les réseaux voisins.</p>
            <p>Notre équipe a passé une nuit entière dans cette salle de contrôle, d'ordinaire fermée au public. Les techniciens y expliquent comment ils anticipent un coup de froid, ce qu'ils font quand une ligne tombe en panne et pourquoi le vent est devenu l'une de leurs principales préoccupations.</p>
            <p>Un reportage de douze minutes, à regarder ci-dessus, à compléter par notre décryptage sur <a href="/decryptages/pourquoi-le-prix-de-l-electricite-depend-encore-du-gaz">la formation du prix de l'électricité</a>.</p>
            """)
        {
            Dossier = DemoSite.Energy, HoursAgo = 15, Authors = [Julien], Tags = ["Énergie"], VideoId = "KsqDemo0001",
            Photo = new("Des opérateurs devant un mur d'écrans affichant des courbes de consommation",
                "La salle de contrôle régionale, vers deux heures du matin.", "©Antoine Delorme / Regards Presse"),
        },
        new("Vidéos",
            "En vidéo : comment on nettoie un château d'eau",
            "Une fois par an, chaque réservoir est vidé, brossé et désinfecté. Nous avons suivi les agents d'un syndicat des eaux jusqu'à l'intérieur de la cuve.",
            """
            <p>Vu de la route, un château d'eau semble immobile. À l'intérieur, l'entretien est une affaire de précision. Une fois par an, les agents vident la cuve, descendent par une échelle étroite et nettoient les parois à haute pression avant de les désinfecter.</p>
            <p>L'opération doit être menée vite : pendant ce temps, les habitants sont alimentés par une seconde cuve ou directement depuis la station de pompage. Un prélèvement est ensuite analysé en laboratoire avant la remise en service.</p>
            <p>Dans ce reportage, les agents racontent aussi ce que la sécheresse change à leur métier : des réservoirs plus sollicités, des consommations qui s'envolent les soirs d'été et une chasse aux fuites plus attentive que jamais.</p>
            """)
        {
            Key = "chateau-d-eau", Dossier = DemoSite.Water, HoursAgo = 80, Authors = [Julien], Tags = ["Eau"], VideoId = "KsqDemo0002",
            Photo = new("Un agent en combinaison nettoie au jet la paroi intérieure d'un réservoir",
                "Nettoyage annuel de la cuve d'un château d'eau.", "©Léa Fontaine / Photo Sud"),
        },
        new("Vidéos",
            "En vidéo : trois minutes pour comprendre le budget de votre commune",
            "Fonctionnement, investissement, dotations, impôts locaux : le budget municipal expliqué simplement, schémas à l'appui.",
            """
            <p>Chaque année, le conseil municipal vote un budget qui se divise en deux grandes parties. La section de fonctionnement couvre les dépenses courantes : salaires des agents, entretien des bâtiments, cantine, éclairage public. La section d'investissement finance les projets durables, comme une nouvelle école ou la réfection d'une route.</p>
            <p>Une règle distingue les communes de l'État : elles ne peuvent pas emprunter pour payer leurs dépenses courantes. L'emprunt est réservé à l'investissement, et le budget de fonctionnement doit être voté à l'équilibre.</p>
            <p>Notre vidéo détaille aussi d'où vient l'argent, entre impôts locaux, dotations de l'État et tarifs des services, et comment consulter les documents budgétaires de votre propre commune.</p>
            """)
        {
            Kicker = "Comprendre", HoursAgo = 150, Authors = [Mathieu], Tags = ["Budget", "Collectivités"], VideoId = "KsqDemo0003",
            Photo = new("Un conseil municipal réuni autour d'une table en U dans une salle de mairie",
                "Séance de vote du budget dans une mairie.", "©Théo Marquet / Regards Presse"),
        },

        // Podcasts
        new("Podcasts",
            "La Loupe, épisode 12 : l'hiver sera-t-il rude pour nos factures ?",
            "Stocks de gaz, production d'électricité, météo : Julien Marchal reçoit Inès Benali pour faire le point avant les premiers froids.",
            """
            <p>Chaque automne, la même inquiétude revient : aurons-nous assez d'énergie cet hiver, et à quel prix ? Dans cet épisode de « La Loupe », nous passons en revue les indicateurs que les spécialistes surveillent de près, du remplissage des stockages de gaz à la disponibilité des centrales.</p>
            <p>Inès Benali, journaliste au service Économie, explique pourquoi les marchés semblent plus sereins qu'il y a quelques années, et ce qui pourrait encore faire déraper les prix : une vague de froid prolongée, un incident industriel, une tension géopolitique.</p>
            <h2>Au sommaire</h2>
            <p>Les stocks de gaz européens et leur rythme de remplissage ; le rôle des interconnexions entre pays ; les gestes qui font vraiment baisser la facture, et ceux qui relèvent surtout du mythe.</p>
            <p>Écoutez l'épisode ci-dessus ou abonnez-vous à « La Loupe » dans votre application de podcasts.</p>
            """)
        {
            Key = "podcast-hiver", Dossier = DemoSite.Energy, HoursAgo = 23, Authors = [Julien, Ines], Tags = ["Énergie", "Budget"], AudioSeconds = 8,
            Photo = new("Un micro de studio devant un casque posé sur une table",
                "Dans le studio de « La Loupe ».", "©Archives Le Kiosque"),
            Related = [See("factures"), See("interconnexions")],
            Transcript = """
                <p><strong>Julien Marchal :</strong> Bonjour à toutes et à tous, et bienvenue dans « La Loupe ». Avec moi aujourd'hui, Inès Benali. Inès, faut-il craindre l'hiver ?</p>
                <p><strong>Inès Benali :</strong> Craindre, non. Rester attentif, oui : les stocks sont pleins, mais une longue vague de froid changerait la donne.</p>
                """,
        },
        new("Podcasts",
            "La Loupe, épisode 11 : ces villes qui rendent leurs rivières aux habitants",
            "Recouvertes au siècle dernier, des rivières urbaines refont surface. Une urbaniste raconte ces chantiers qui transforment des quartiers entiers.",
            """
            <p>Pendant des décennies, de nombreuses villes ont couvert leurs rivières pour gagner de la place, faire passer des routes ou se débarrasser des odeurs. Aujourd'hui, certaines font le chemin inverse : elles cassent le béton et rouvrent les cours d'eau à l'air libre.</p>
            <p>Notre invitée, urbaniste, a accompagné plusieurs de ces projets. Elle explique ce que l'on y gagne (de la fraîcheur en été, une meilleure gestion des crues, le retour de la faune) et ce que cela coûte, en argent comme en patience.</p>
            <blockquote><p>« Une rivière rouverte change la manière dont les habitants vivent leur quartier, bien au-delà de ses berges. »</p></blockquote>
            <p>Un épisode pour découvrir ces chantiers méconnus, à écouter ci-dessus. Retrouvez nos autres sujets dans le dossier <a href="/dossiers/l-eau-sous-tension">L'eau sous tension</a>.</p>
            """)
        {
            Dossier = DemoSite.Water, HoursAgo = 110, Authors = [Julien], Tags = ["Eau", "Collectivités"], AudioSeconds = 7,
            Photo = new("Une rivière urbaine aux berges végétalisées entre deux rangées d'immeubles",
                "Une rivière remise à ciel ouvert au cœur d'un quartier.", "©Nadia Kessler / Photo Sud"),
        },

        // Workflow examples: two drafts and one scheduled article, visible in the newsroom only.
        new("Économie",
            "Assurance chômage : les partenaires sociaux rouvrent la négociation",
            "Syndicats et patronat se retrouvent pour discuter des règles d'indemnisation. Les positions de départ restent éloignées.",
            """
            <p>Première séance de négociation ce matin au siège d'une organisation patronale. Les discussions portent sur la durée d'indemnisation, les conditions d'ouverture des droits et le financement du régime.</p>
            <p>Les syndicats veulent revenir sur les derniers durcissements, qu'ils jugent pénalisants pour les salariés précaires. Le patronat souhaite au contraire préserver l'équilibre financier du régime et alléger les cotisations.</p>
            <p>À compléter après la séance : déclarations à la sortie et calendrier des prochaines réunions.</p>
            """)
        {
            Kicker = "Social", Status = ArticleStatus.Draft, Authors = [Ines], Tags = ["Emploi"],
            Photo = new("Une table de réunion avec des dossiers et des bouteilles d'eau avant une négociation",
                "Salle de négociation avant l'arrivée des délégations.", "©Sofia Ribeiro / Agence Kiosque"),
        },
        new("Décryptages",
            "Biodéchets : ce que change l'obligation de tri pour les ménages",
            "Épluchures, restes de repas, marc de café : les déchets alimentaires ne doivent plus finir dans la poubelle ordinaire. Mode d'emploi.",
            """
            <p>Depuis que le tri des biodéchets est obligatoire, chaque collectivité doit proposer une solution à ses habitants : composteurs collectifs, bacs dédiés ramassés en porte-à-porte ou points d'apport volontaire.</p>
            <p>Dans les faits, l'équipement progresse à des rythmes très variables d'une commune à l'autre. Certaines villes ont généralisé la collecte séparée, d'autres en sont encore à distribuer des composteurs individuels.</p>
            <p>Pourquoi cet effort ? Les déchets alimentaires pèsent lourd dans nos poubelles et, une fois incinérés ou enfouis, ils ne servent à rien. Compostés ou méthanisés, ils redeviennent de l'engrais ou de l'énergie.</p>
            """)
        {
            Kicker = "Environnement", Status = ArticleStatus.Draft, Authors = [Julien], Tags = ["Climat", "Collectivités"],
            Photo = new("Un bac à compost en bois dans un jardin partagé",
                "Un composteur collectif au pied d'un immeuble.", "©Léa Fontaine / Photo Sud"),
        },
        new("Politique",
            "Conseil régional : le budget des transports soumis au vote des élus",
            "La majorité propose d'augmenter de dix pour cent les crédits consacrés aux trains régionaux. L'opposition réclame d'abord un audit des retards.",
            """
            <p>Les élus régionaux se réunissent en séance plénière pour adopter le budget de l'année à venir. Le poste transports, premier budget de la collectivité, concentre l'essentiel des débats.</p>
            <p>La majorité souhaite financer de nouvelles fréquences sur les lignes les plus chargées et la rénovation de plusieurs gares. Elle s'appuie sur une fréquentation en hausse depuis deux ans.</p>
            <blockquote><p>« Chaque train supplémentaire aux heures de pointe, ce sont des voitures en moins sur la rocade », fait valoir le vice-président chargé des mobilités.</p></blockquote>
            <p>L'opposition votera contre en l'état. Elle demande un audit indépendant sur la ponctualité, jugée dégradée, avant tout nouvel engagement financier.</p>
            """)
        {
            Kicker = "Régions", Status = ArticleStatus.Scheduled, HoursAgo = -20, Authors = [Mathieu], Tags = ["Transports", "Budget"],
            Photo = new("L'hémicycle d'un conseil régional vu depuis la tribune du public",
                "L'hémicycle du conseil régional avant une séance plénière.", "©Antoine Delorme / Regards Presse"),
        },
    ];
}
