using System.Net;
using Kiosque.Tests.Infrastructure;

namespace Kiosque.Tests.Api;

public sealed class PublicUrlTests
{
    [Fact]
    public async Task Urls_use_the_configured_public_address_rather_than_the_request_host()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: new Dictionary<string, string?> { ["Kiosque:PublicUrl"] = "https://www.journal.example/" });
        using var editor = await app.CreateApiClientAsync();
        await editor.CreateSectionAsync("Économie", "economie");
        var response = await editor.PostJsonAsync("/api/v1/articles", new { section = "economie", headline = "La croissance ralentit", status = "published" });
        var created = await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("https://www.journal.example/economie/la-croissance-ralentit", created.GetProperty("url").GetString());
        var media = await editor.UploadImageAsync();
        Assert.StartsWith("https://www.journal.example/media/", media.GetProperty("url").GetString(), StringComparison.Ordinal);
    }
}
