using System.Globalization;

namespace Kiosque.Webhooks;

/// <summary>Wording of the newsroom's webhooks page, French first.</summary>
public static class WebhooksText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

    public static string Title => T("Webhooks", "Webhooks");
    public static string Intro => T(
        "Kiosque prévient ces adresses (POST JSON signé) quand un événement choisi survient. L’en-tête Kiosque-Signature porte t=horodatage,v1=HMAC-SHA256 hexadécimal de « t.corps » avec le secret du webhook ; les échecs sont réessayés pendant 24 heures.",
        "Kiosque notifies these addresses (signed JSON POST) when a chosen event happens. The Kiosque-Signature header carries t=timestamp,v1=hex HMAC-SHA256 of “t.body” keyed with the hook’s secret; failures are retried for 24 hours.");
    public static string Url => T("Adresse (URL)", "Address (URL)");
    public static string Events => T("Événements", "Events");
    public static string Description => T("Description", "Description");
    public static string Secret => T("Secret de signature", "Signing secret");
    public static string Add => T("Ajouter le webhook", "Add webhook");
    public static string Delete => T("Supprimer", "Delete");
    public static string None => T("Aucun webhook enregistré.", "No webhook registered.");
    public static string Added => T("Webhook ajouté. Copiez son secret pour vérifier les signatures.", "Webhook added. Copy its secret to verify signatures.");
    public static string Deleted => T("Webhook supprimé.", "Webhook deleted.");
    public static string Deliveries => T("Journal des envois", "Delivery log");
    public static string NoDeliveries => T("Aucun envoi pour l’instant.", "No delivery yet.");
    public static string Event => T("Événement", "Event");
    public static string Status => T("État", "Status");
    public static string Attempts => T("Tentatives", "Attempts");
    public static string LastAnswer => T("Dernière réponse", "Last answer");
    public static string NextAttempt => T("Prochaine tentative", "Next attempt");
    public static string Created => T("Créé le", "Created");
    public static string Hook => T("Webhook", "Hook");
    public static string Actions => T("Actions", "Actions");

    public static string Of(WebhookError error) => T(error.French, error.English);

    /// <summary>What the event means, beside its code in the form.</summary>
    public static string EventName(string type) => type switch
    {
        WebhookEvents.ArticlePublished => T("Article publié", "Article published"),
        WebhookEvents.ArticleUpdated => T("Article en ligne modifié", "Live article updated"),
        WebhookEvents.ArticleUnpublished => T("Article dépublié", "Article unpublished"),
        WebhookEvents.CommentCreated => T("Commentaire reçu", "Comment received"),
        WebhookEvents.SubscriberConfirmed => T("Abonnement à la newsletter confirmé", "Newsletter subscription confirmed"),
        _ => type,
    };

    public static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => T("remis", "delivered"),
        DeliveryStatus.GivenUp => T("abandonné", "given up"),
        _ => T("en attente", "pending"),
    };
}
