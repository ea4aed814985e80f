using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kiosque.Tests.Wires;

public static class Ninjs
{
    public static string FixturePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", "ninjs", .. parts]);

    public static IEnumerable<string> Examples(string version) =>
        Directory.EnumerateFiles(FixturePath("examples-" + version), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static JsonObject Load(string version, string name) =>
        JsonNode.Parse(File.ReadAllText(FixturePath("examples-" + version, name)))!.AsObject();

    /// <summary>A small valid 2.x text item of our own, for the update and error cases.</summary>
    public static JsonObject Text(string uri, string version = "1", string at = "2026-11-24T08:00:00Z", string headline = "Séisme au large du Japon",
        string pubstatus = "usable") => new()
    {
        ["uri"] = uri,
        ["type"] = "text",
        ["version"] = version,
        ["versioncreated"] = at,
        ["pubstatus"] = pubstatus,
        ["copyrightholder"] = "AFP",
        ["by"] = "Claire Dépêche",
        ["headlines"] = new JsonArray(new JsonObject { ["role"] = "main", ["value"] = headline }),
        ["descriptions"] = new JsonArray(new JsonObject { ["role"] = "summary", ["value"] = "Une secousse de magnitude 6." }),
        ["bodies"] = new JsonArray(new JsonObject { ["role"] = "main", ["contenttype"] = "text/html", ["value"] = "<p>Le séisme a eu lieu à l’aube.</p><script>alert(1)</script>" }),
        ["subjects"] = new JsonArray(new JsonObject { ["name"] = "Catastrophes naturelles" }),
    };

    public static StringContent Body(JsonNode item, string contentType = "application/json") =>
        new(item.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue(contentType));

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, JsonNode item) =>
        client.PostAsync(new Uri("/api/v1/ingest/ninjs", UriKind.Relative), Body(item), TestContext.Current.CancellationToken);
}
