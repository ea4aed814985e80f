using System.Text.Json.Nodes;
using Kiosque.Tests.Infrastructure;
using Kiosque.Wires;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosque.Tests.Wires;

public sealed class WireFolderTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The folder is scanned by the tests' calls; the background loop's first pass finds it empty.</summary>
    static readonly Dictionary<string, string?> Settings = new()
    {
        ["Kiosque:Wires:Folder"] = "wires",
        ["Kiosque:Wires:SettleSeconds"] = "0",
        ["Kiosque:Wires:PollSeconds"] = "3600",
        ["Kiosque:Wires:MaxItemBytes"] = "100000",
    };

    /// <summary>
    /// The watcher scans once at start, then every PollSeconds (an hour here): files dropped before its first pass
    /// enumerated the folder would be claimed by it, not by the test's own pass. It creates failed/ just before.
    /// </summary>
    static async Task AfterTheFirstBackgroundPassAsync(string folder)
    {
        for (var i = 0; i < 100 && !Directory.Exists(Path.Combine(folder, "failed")); i++) await Task.Delay(50, Ct);
        await Task.Delay(200, Ct);
    }

    static string[] Files(string folder, string pattern = "*") =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, pattern).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray() : [];

    [Fact]
    public async Task Items_dropped_in_the_folder_become_drafts_and_bad_ones_go_to_failed_with_the_reason()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: Settings);
        var folder = Path.Combine(app.DataPath, "wires");
        await AfterTheFirstBackgroundPassAsync(folder);
        var item3 = Ninjs.Load("3.x", "dpa_text.json");
        File.WriteAllText(Path.Combine(folder, "dpa.json"), item3.ToJsonString());
        File.Copy(Ninjs.FixturePath("examples-2.x", "ntb_text.json"), Path.Combine(folder, "ntb.json"));
        File.WriteAllText(Path.Combine(folder, "sans-uri.json"), """{"headlines":[{"value":"Sans identifiant"}]}""");
        var huge = Ninjs.Text("urn:test:folder:huge");
        huge["bodies"] = new JsonArray(new JsonObject { ["contenttype"] = "text/plain", ["value"] = new string('a', 200_000) });
        File.WriteAllText(Path.Combine(folder, "trop-gros.json"), huge.ToJsonString());
        File.WriteAllText(Path.Combine(folder, "en-cours.json.part"), "{");

        var claimed = await app.Services.GetRequiredService<WireFolder>().ScanAsync(Ct);

        Assert.Equal(4, claimed);
        Assert.Equal(["en-cours.json.part"], Files(folder));
        Assert.Empty(Files(Path.Combine(folder, "processing")));
        Assert.Equal(2, Files(Path.Combine(folder, "processed")).Length);
        Assert.Contains(Files(Path.Combine(folder, "processed")), f => f.EndsWith("-dpa.json", StringComparison.Ordinal));
        var failed = Path.Combine(folder, "failed");
        Assert.Equal(2, Files(failed, "*.json").Length);
        var noUri = Files(failed, "*sans-uri.json.error.txt").Single();
        Assert.StartsWith("sans-uri.json: uri: Required", File.ReadAllText(Path.Combine(failed, noUri)), StringComparison.Ordinal);
        var tooBig = Files(failed, "*trop-gros.json.error.txt").Single();
        Assert.Contains("limit is 100000", File.ReadAllText(Path.Combine(failed, tooBig)), StringComparison.Ordinal);

        var wires = await app.WithDbAsync(db => db.WireItems.AsNoTracking().Include(w => w.Article).OrderBy(w => w.Uri).ToListAsync(Ct));
        Assert.Equal(2, wires.Count);
        Assert.All(wires, w => Assert.Equal("folder", w.Source));
        Assert.Contains(wires, w => w.Credit == "dpa" && w.Article.Status == Kiosque.Content.ArticleStatus.Draft);
        var audit = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "article.created").ToListAsync(Ct));
        Assert.All(audit, e => Assert.Equal(WireIngest.FolderActor.Id, e.ActorId));

        // A second pass finds nothing new; the same file dropped again changes nothing.
        Assert.Equal(0, await app.Services.GetRequiredService<WireFolder>().ScanAsync(Ct));
        File.WriteAllText(Path.Combine(folder, "dpa-encore.json"), item3.ToJsonString());
        Assert.Equal(1, await app.Services.GetRequiredService<WireFolder>().ScanAsync(Ct));
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync(Ct)));
    }

    [Fact]
    public async Task Two_instances_on_one_folder_and_database_ingest_each_file_exactly_once()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kiosque-test-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using var a = await KiosqueApp.CreateAsync(extra: Settings, dataPath: dataPath);
            await using var b = await KiosqueApp.CreateAsync(extra: Settings, dataPath: dataPath);
            var folder = Path.Combine(dataPath, "wires");
            await AfterTheFirstBackgroundPassAsync(folder);
            const int count = 30;
            for (var i = 0; i < count; i++)
                File.WriteAllText(Path.Combine(folder, $"item-{i:D2}.json"), Ninjs.Text($"urn:test:folder:{i}", headline: $"Dépêche numéro {i}").ToJsonString());

            var claims = await Task.WhenAll(
                a.Services.GetRequiredService<WireFolder>().ScanAsync(Ct),
                b.Services.GetRequiredService<WireFolder>().ScanAsync(Ct));

            Assert.Equal(count, claims.Sum());
            Assert.Equal(count, Files(Path.Combine(folder, "processed")).Length);
            Assert.Empty(Files(Path.Combine(folder, "failed")));
            Assert.Empty(Files(Path.Combine(folder, "processing")));
            var (articles, wires, created) = await a.WithDbAsync(async db => (
                await db.Articles.CountAsync(Ct), await db.WireItems.CountAsync(Ct), await db.AuditEntries.CountAsync(e => e.Action == "article.created", Ct)));
            Assert.Equal((count, count, count), (articles, wires, created));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }
}
