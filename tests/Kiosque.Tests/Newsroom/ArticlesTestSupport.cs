using System.Net;
using AngleSharp.Html.Dom;
using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosque.Tests.Newsroom;

/// <summary>The editor's form as a browser would post it: every successful control, in order, several values per name.</summary>
public sealed class PostedForm(string action, List<KeyValuePair<string, string>> fields)
{
    public string Action { get; } = action;
    public List<KeyValuePair<string, string>> Fields { get; } = fields;

    public static PostedForm Of(IHtmlDocument page, string selector = "#article-form")
    {
        var form = (IHtmlFormElement?)page.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector}: {page.Body?.TextContent}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.Elements)
        {
            if (e.Closest("fieldset[disabled]") is not null) continue;
            switch (e)
            {
                case IHtmlInputElement i when !string.IsNullOrEmpty(i.Name) && !i.IsDisabled:
                    if (i.Type is "submit" or "file" or "button" or "image") break;
                    if (i.Type is "checkbox" or "radio") { if (i.IsChecked) fields.Add(new(i.Name!, i.Value)); break; }
                    fields.Add(new(i.Name!, i.Value));
                    break;
                case IHtmlTextAreaElement t when !string.IsNullOrEmpty(t.Name):
                    fields.Add(new(t.Name!, t.Value));
                    break;
                case IHtmlSelectElement s when !string.IsNullOrEmpty(s.Name):
                    var selected = s.Options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !s.IsMultiple && s.Options.Length > 0) selected.Add(s.Options[0]!);
                    fields.AddRange(selected.Select(o => new KeyValuePair<string, string>(s.Name!, o.Value)));
                    break;
            }
        }
        return new PostedForm(form.GetAttribute("action") ?? "", fields);
    }

    public string? Get(string name) => Fields.LastOrDefault(f => f.Key == name).Value;

    public PostedForm Set(string name, params string[] values)
    {
        Fields.RemoveAll(f => f.Key == name);
        Fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    public async Task<HttpResponseMessage> PostAsync(NewsroomSession session, string action, string? url = null)
    {
        var all = Fields.Where(f => f.Key != "do").Append(new("do", action)).ToList();
        return await session.Client.PostAsync(url ?? Action, new FormUrlEncodedContent(all), TestContext.Current.CancellationToken);
    }
}

public static class ArticlesTestSupport
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<PostedForm> EditorFormAsync(NewsroomSession session, string url)
    {
        var (status, page) = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        return PostedForm.Of(page);
    }

    /// <summary>Writes a new piece through the editor; returns its id from the redirect.</summary>
    public static async Task<int> CreateThroughEditorAsync(NewsroomSession session, string headline, string action = "save", Action<PostedForm>? fill = null)
    {
        var form = await EditorFormAsync(session, "/newsroom/articles/nouveau");
        form.Set("Form.Headline", headline).Set("Form.Standfirst", "Un chapô écrit pour le test.").Set("Form.BodyHtml", "<p>Le corps du texte.</p>");
        fill?.Invoke(form);
        using var response = await form.PostAsync(session, action);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An article written by someone else (another actor), straight through the workflow.</summary>
    public static async Task<int> CreateAsAsync(KiosqueApp app, Actor actor, string headline, StatusChange? status = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<global::Kiosque.Infrastructure.KiosqueDb>();
        var section = await db.Sections.OrderBy(s => s.Position).Select(s => s.Slug).FirstAsync(Ct);
        var workflow = scope.ServiceProvider.GetRequiredService<ArticleWorkflow>();
        var result = await workflow.CreateAsync(new ArticleInput { Section = section, Headline = headline, Standfirst = "Chapô de " + headline }, actor, status, Ct);
        Assert.True(result.Succeeded, result.Message);
        return result.Article!.Id;
    }

    public static Task<Article> ArticleAsync(KiosqueApp app, int id) => app.WithDbAsync(db => db.Articles.AsNoTracking()
        .Include(a => a.Related).Include(a => a.Section).Include(a => a.Tags).Include(a => a.Authors).Include(a => a.Corrections)
        .SingleAsync(a => a.Id == id, Ct));

    public static readonly Actor OtherContributor = new("someone-else", "Quelqu’un d’autre", ActorRole.Contributor);
    public static readonly Actor OtherEditor = new("another-editor", "Une autre éditrice", ActorRole.Editor);

    public static Task<NewsroomSession> ContributorAsync(KiosqueApp app, string email = "plume@example.fr") =>
        NewsroomSession.SignedInAsync(app, email, Roles.Contributor);

    public static Task<NewsroomSession> EditorAsync(KiosqueApp app, string email = "edition@example.fr") =>
        NewsroomSession.SignedInAsync(app, email, Roles.Editor);
}
