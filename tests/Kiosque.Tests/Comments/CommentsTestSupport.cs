using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kiosque.Comments;
using Kiosque.Content;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Comments;

public static class CommentsTestSupport
{
    public const string ArticlePath = "/societe/la-rentree-scolaire";

    /// <summary>Spam thresholds out of the way, so that a test trips only the defence it is about.</summary>
    public static Dictionary<string, string?> Relaxed(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kiosque:Comments:MinSecondsToSubmit"] = "0",
            ["Kiosque:Comments:PerIpLimit"] = "10000",
            ["Kiosque:Comments:PerEmailLimit"] = "10000",
        };
        foreach (var (k, v) in overrides ?? []) settings[k] = v;
        return settings;
    }

    /// <summary>A fresh app with one published article; comments appear at once unless <paramref name="settings"/> says otherwise.</summary>
    public static async Task<(KiosqueApp App, int ArticleId)> CreateAsync(Action<SiteSettings>? settings = null, Dictionary<string, string?>? config = null)
    {
        var app = await KiosqueApp.CreateAsync(extra: config ?? Relaxed());
        await app.UpdateSettingsAsync(s =>
        {
            s.CommentModeration = CommentModeration.Post;
            s.CommentsHoldFirstTime = false;
            settings?.Invoke(s);
        });
        var section = SiteData.Section("Société", "societe", 1);
        var article = SiteData.Article(section, "la-rentree-scolaire", "La rentrée scolaire");
        await app.AddAsync(article);
        return (app, article.Id);
    }

    static Dictionary<string, string> HiddenFields(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);

    /// <summary>What a reader does: the article's form, the preview page, then publishing from the preview.</summary>
    public static async Task<HttpResponseMessage> PostCommentAsync(NewsroomSession reader, string name, string email, string body,
        string website = "", bool notify = false, int? replyTo = null, string articlePath = ArticlePath)
    {
        var (_, page) = await reader.GetAsync(replyTo is null ? articlePath : $"/commentaires/apercu?repondre={replyTo}");
        var form = page.QuerySelector<IHtmlFormElement>("form.comment-form") ?? throw new InvalidOperationException("No comment form.");
        var fields = HiddenFields(form);
        fields["Name"] = name;
        fields["Email"] = email;
        fields["Body"] = body;
        fields["Website"] = website;
        if (notify) fields["Notify"] = "true";
        if (form.GetAttribute("action") != "/commentaires")
        {
            using var preview = await reader.PostAsync(form.GetAttribute("action")!, fields);
            var previewPage = await NewsroomSession.ParseAsync(preview);
            var publish = previewPage.QuerySelector<IHtmlFormElement>("form.comment-form") ?? throw new InvalidOperationException("No preview form.");
            foreach (var (k, v) in HiddenFields(publish)) fields[k] = v;
        }
        return await reader.PostAsync("/commentaires", fields);
    }

    public static Task<List<Comment>> CommentsAsync(this KiosqueApp app) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync());
}
