using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kiosque.Api;
using Kiosque.Import;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Import.ImportSupport;

namespace Kiosque.Tests.Import;

public sealed class NewsroomImportTests
{
    static Task<KiosqueApp> AppAsync() =>
        KiosqueApp.CreateAsync(extra: new Dictionary<string, string?> { ["Kiosque:Import:PollSeconds"] = "1" });

    static async Task<HttpResponseMessage> UploadAsync(NewsroomSession admin, string fileName, byte[] content)
    {
        var (_, page) = await admin.GetAsync("/newsroom/import");
        var token = page.QuerySelector<IHtmlInputElement>("form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.Value;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(part, "file", fileName);
        return await admin.Client.PostAsync(new Uri("/newsroom/import", UriKind.Relative), form, Ct);
    }

    /// <summary>Polls the progress endpoint the page's script polls, until the job has ended.</summary>
    static async Task<JsonElement> WaitAsync(NewsroomSession admin, string jobPath)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            using var response = await admin.Client.GetAsync(new Uri(jobPath + "/etat", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
            if (json.GetProperty("finished").GetBoolean()) return json;
            Assert.True(DateTime.UtcNow < deadline, "The import job did not finish in time: " + json);
            await Task.Delay(200, Ct);
        }
    }

    [Fact]
    public async Task An_admin_uploads_an_export_and_follows_the_background_import_to_its_end()
    {
        await using var app = await AppAsync();
        var admin = await NewsroomSession.SignedInAsync(app, "admin@example.org", Roles.Admin);

        using var uploaded = await UploadAsync(admin, "site.wordpress.xml", await File.ReadAllBytesAsync(ThemeUnitTest, Ct));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var jobPath = uploaded.Headers.Location!.OriginalString;
        Assert.Matches("^/newsroom/import/[0-9]+$", jobPath);

        var done = await WaitAsync(admin, jobPath);
        Assert.Equal("succeeded", done.GetProperty("state").GetString());
        Assert.Equal(done.GetProperty("total").GetInt32(), done.GetProperty("done").GetInt32());
        Assert.Equal(58, await app.WithDbAsync(db => db.Articles.CountAsync(Ct)));

        var (status, page) = await admin.GetAsync(jobPath);
        Assert.Equal(HttpStatusCode.OK, status);
        // The report in the newsroom's language: the summary, then the notes naming their lines.
        var report = page.QuerySelector(".nr-import-report")!;
        Assert.StartsWith("Créés : 58 articles, 21 pages, 69 rubriques, 114 mots-clés, 2 auteurs (2 comptes désactivés)", report.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.EndsWith("1 place à la une ; 0 déjà importé, 79 ignorés.", report.QuerySelector("p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(report.QuerySelectorAll("li"), li => li.TextContent.StartsWith("ligne 10037 : « Template: Password Protected", StringComparison.Ordinal)
            && li.TextContent.EndsWith("» était protégé par un mot de passe ; importé comme brouillon.", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("progress"));
        Assert.NotNull(page.QuerySelector("script[src^='/newsroom/import.js']"));
        // Media imported as metadata only (no uploads folder on the web) still list in the library.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/newsroom/medias")).Status);
        var (_, list) = await admin.GetAsync("/newsroom/import");
        Assert.Contains("site.wordpress.xml", list.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        // The uploaded file is gone once imported; the audit log names who imported.
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataPath, ImportJobs.Folder)));
        Assert.Equal("admin@example.org", await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "import.wordpress").Select(e => e.ActorName).SingleAsync(Ct)));
    }

    [Fact]
    public async Task A_broken_upload_fails_with_its_line_imports_nothing_and_an_empty_form_keeps_the_page()
    {
        await using var app = await AppAsync();
        var admin = await NewsroomSession.SignedInAsync(app, "admin@example.org", Roles.Admin);
        var before = await CountsAsync(app);

        var text = Head + Item(1) + "<item><title>Cassé</title></channel></rss>";
        var line = text.Split('\n').Length;
        using var uploaded = await UploadAsync(admin, "casse.xml", System.Text.Encoding.UTF8.GetBytes(text));
        var jobPath = uploaded.Headers.Location!.OriginalString;
        Assert.Equal("failed", (await WaitAsync(admin, jobPath)).GetProperty("state").GetString());
        var (_, page) = await admin.GetAsync(jobPath);
        var failure = page.QuerySelector(".nr-import-failed[role=alert]")!;
        Assert.Equal("Rien n’a été importé.", failure.QuerySelector("strong")!.TextContent);
        Assert.StartsWith($"Ligne {line} : le XML est mal formé : ", failure.QuerySelectorAll("p")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));

        // No file, or not XML at all: the form again with the reason, and no job.
        var (_, form) = await admin.GetAsync("/newsroom/import");
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var empty = await admin.PostAsync("/newsroom/import", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("Choisissez le fichier d’export.", (await NewsroomSession.ParseAsync(empty)).QuerySelector("#file-error")!.TextContent);
        using var notXml = await UploadAsync(admin, "photo.xml", TestImages.Jpeg(10, 10));
        Assert.Equal(HttpStatusCode.OK, notXml.StatusCode);
        Assert.Contains("n’est pas un export WordPress", (await NewsroomSession.ParseAsync(notXml)).QuerySelector("#file-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.ImportJobs.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_job_leased_by_another_instance_is_left_alone_until_its_lease_expires()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: new Dictionary<string, string?> { ["Kiosque:Import:PollSeconds"] = "3600" });
        var folder = Path.Combine(app.DataPath, ImportJobs.Folder);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "held.xml"), Head + Item(7) + Tail);
        var job = new ImportJob
        {
            FileName = "held.xml", StoredPath = ImportJobs.Folder + "/held.xml", State = ImportJobState.Running, CreatedBy = "x", CreatedByName = "X",
            CreatedAt = DateTime.UtcNow, ClaimedBy = "other-instance", ClaimedUntil = DateTime.UtcNow.AddMinutes(10), Attempts = 1,
        };
        await app.WithDbAsync(async db => { db.ImportJobs.Add(job); return await db.SaveChangesAsync(Ct); });
        var runner = app.Services.GetRequiredService<ImportJobRunner>();

        Assert.False(await runner.RunOneAsync(Ct));
        Assert.Equal(ImportJobState.Running, await app.WithDbAsync(db => db.ImportJobs.Select(j => j.State).SingleAsync(Ct)));

        // The other instance died: once its lease has expired, this one takes the job over and finishes it.
        await app.WithDbAsync(db => db.ImportJobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedUntil, DateTime.UtcNow.AddMinutes(-1)), Ct));
        Assert.True(await runner.RunOneAsync(Ct));
        var finished = await app.WithDbAsync(db => db.ImportJobs.SingleAsync(Ct));
        Assert.Equal((ImportJobState.Succeeded, 2), (finished.State, finished.Attempts));
        Assert.NotEqual("other-instance", finished.ClaimedBy);
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync(Ct)));
    }
}
