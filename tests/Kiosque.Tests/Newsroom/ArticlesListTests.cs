using System.Net;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Newsroom.ArticlesTestSupport;

namespace Kiosque.Tests.Newsroom;

public sealed class ArticlesListTests
{
    static List<string> Headlines(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table.ar-table tbody a.ar-edit-link").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Editors_filter_by_status_section_and_search_and_see_badges_and_links()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var inReview = await CreateAsAsync(app, OtherContributor, "Une enquête sur les ponts", new StatusChange(ArticleStatus.InReview, null));
        await CreateAsAsync(app, OtherContributor, "Un brouillon sur les ponts");
        var editor = await EditorAsync(app);

        var (status, page) = await editor.GetAsync("/newsroom/articles?statut=a-relire");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Une enquête sur les ponts"], Headlines(page));
        Assert.Equal("À relire", page.QuerySelector($"tr[data-article-id='{inReview}'] .ar-badge")!.TextContent);

        (_, page) = await editor.GetAsync("/newsroom/articles?q=PONTS");
        Assert.Equal(2, Headlines(page).Count);

        var published = await app.WithDbAsync(db => db.Articles.Where(a => a.Status == ArticleStatus.Published)
            .Select(a => new { a.Id, Section = a.Section.Slug, a.Slug, a.Standfirst }).FirstAsync(Ct));
        (_, page) = await editor.GetAsync($"/newsroom/articles?rubrique={published.Section}&statut=publie&tri=publication");
        var row = page.QuerySelector($"tr[data-article-id='{published.Id}']")!;
        Assert.Equal($"/{published.Section}/{published.Slug}", row.QuerySelector("a.ar-public-link")!.GetAttribute("href"));
        Assert.Equal($"/newsroom/articles/{published.Id}", row.QuerySelector("a.ar-edit-link")!.GetAttribute("href"));
        Assert.All(page.QuerySelectorAll("tbody .ar-badge"), b => Assert.Equal("Publié", b.TextContent));

        // Search reaches the standfirst too.
        (_, page) = await editor.GetAsync("/newsroom/articles?q=" + Uri.EscapeDataString(published.Standfirst[..20]));
        Assert.Contains(page.QuerySelectorAll("tbody tr"), r => r.GetAttribute("data-article-id") == published.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Contributors_see_their_own_articles_and_published_ones_and_mine_narrows_to_theirs()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        await CreateAsAsync(app, OtherContributor, "Le brouillon caché d’un autre");
        var contributor = await ContributorAsync(app);
        await CreateThroughEditorAsync(contributor, "Mon propre brouillon");

        var (_, page) = await contributor.GetAsync("/newsroom/articles");
        var all = Headlines(page);
        Assert.Contains("Mon propre brouillon", all);
        Assert.DoesNotContain("Le brouillon caché d’un autre", all);
        Assert.True(all.Count > 1);

        (_, page) = await contributor.GetAsync("/newsroom/articles?miens=true");
        Assert.Equal(["Mon propre brouillon"], Headlines(page));
        (_, page) = await contributor.GetAsync("/newsroom/articles?statut=brouillon");
        Assert.Equal(["Mon propre brouillon"], Headlines(page));
    }

    [Fact]
    public async Task The_list_is_paginated()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        for (var i = 0; i < 27; i++) await CreateAsAsync(app, OtherEditor, $"Dépêche numéro {i:00}");
        var editor = await EditorAsync(app);

        var (_, first) = await editor.GetAsync("/newsroom/articles?q=d%C3%A9p%C3%AAche");
        Assert.Equal(25, Headlines(first).Count);
        Assert.Equal("Dépêche numéro 26", Headlines(first)[0]);
        var next = first.QuerySelector("nav.ar-pager a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await editor.GetAsync(next);
        Assert.Equal(["Dépêche numéro 01", "Dépêche numéro 00"], Headlines(second));
    }
}
