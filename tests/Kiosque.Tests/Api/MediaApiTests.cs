using System.Net;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Api;

public sealed class MediaApiTests(ApiApp api) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Uploaded_image_answers_201_with_id_and_url_and_is_served_there()
    {
        var created = await api.Editor.UploadImageAsync("Vue de la place", "La place au petit matin", "©Studio Exemple / AFP");
        var id = created.GetProperty("id").GetInt32();
        var url = created.GetProperty("url").GetString()!;
        Assert.StartsWith("http://localhost/media/", url, StringComparison.Ordinal);
        Assert.EndsWith(".jpg", url, StringComparison.Ordinal);

        var item = await (await api.Anonymous.GetPathAsync($"/api/v1/media/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Vue de la place", item.GetProperty("alt").GetString());
        Assert.Equal("La place au petit matin", item.GetProperty("caption").GetString());
        Assert.Equal("©Studio Exemple / AFP", item.GetProperty("credit").GetString());
        Assert.Equal((64, 48), (item.GetProperty("width").GetInt32(), item.GetProperty("height").GetInt32()));
        Assert.Equal("image/jpeg", item.GetProperty("contentType").GetString());

        var file = await api.Anonymous.GetPathAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Jpeg(), await file.Content.ReadAsByteArrayAsync(Ct));
        await (await api.Anonymous.GetPathAsync("/api/v1/media/999999")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
