using Kiosque.Tests.Infrastructure;

namespace Kiosque.Tests.Site;

public sealed class CommentsSuspensionTests
{
    const string Message = "Face à trop d’abus, la rédaction a fermé les commentaires sur tout le site. Merci de votre compréhension.";

    [Fact]
    public async Task Suspended_comments_show_the_site_message_instead_of_the_form()
    {
        await using var app = await KiosqueApp.CreateAsync();
        await app.UpdateSettingsAsync(s => { s.CommentsSuspended = true; s.CommentsSuspendedMessage = Message; });
        var section = SiteData.Section("Société", "societe", 1);
        await app.AddAsync(SiteData.Article(section, "la-rentree-scolaire", "La rentrée scolaire"));

        var doc = await app.CreateAnonymousClient().GetDocumentAsync("/societe/la-rentree-scolaire");
        var comments = doc.QuerySelector(".comments")!;
        Assert.Equal(Message, comments.QuerySelector(".comments-suspended")!.TextContent.Trim());
        Assert.DoesNotContain("Aucun commentaire", comments.TextContent, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("main form.comment-form"));
        Assert.NotNull(doc.QuerySelector("main form.newsletter-form")); // the newsletter sign-up is not a comment form
        Assert.NotEmpty(doc.QuerySelectorAll(".share a"));
    }
}
