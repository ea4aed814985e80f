using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kiosque.Api;
using Kiosque.Tests.Infrastructure;
using SkiaSharp;

namespace Kiosque.Tests.Api;

/// <summary>One application per test class (xUnit creates a fixture per class), with a client per role.</summary>
public sealed class ApiApp : IAsyncLifetime
{
    public KiosqueApp App { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Editor { get; private set; } = null!;
    public HttpClient Contributor { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await KiosqueApp.CreateAsync();
        Admin = await App.CreateApiClientAsync(Roles.Admin);
        Editor = await App.CreateApiClientAsync(Roles.Editor);
        Contributor = await App.CreateApiClientAsync(Roles.Contributor);
        Anonymous = App.CreateAnonymousClient();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Admin, Editor, Contributor, Anonymous }) client?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

public static class Api
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Ct);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Ct);

    public static Task<HttpResponseMessage> GetPathAsync(this HttpClient client, string url) => client.GetAsync(new Uri(url, UriKind.Relative), Ct);

    /// <summary>Asserts the status and that the body is an RFC 9457 problem carrying that same status.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static async Task<JsonElement> AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> CreateSectionAsync(this HttpClient client, string name, string? slug = null, string kind = "standard")
    {
        var response = await client.PostJsonAsync("/api/v1/sections", new { name, slug, kind });
        return await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    public static async Task<int> CreateArticleAsync(this HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/articles", body);
        return (await response.AssertStatusAsync(HttpStatusCode.Created)).GetProperty("id").GetInt32();
    }

    public static byte[] Jpeg(int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(SKColors.Coral);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }

    public static MultipartFormDataContent Upload(byte[] file, string fileName, string? alt, string? caption = null, string? credit = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "image/jpeg");
        form.Add(content, "file", fileName);
        if (alt is not null) form.Add(new StringContent(alt), "alt");
        if (caption is not null) form.Add(new StringContent(caption), "caption");
        if (credit is not null) form.Add(new StringContent(credit), "credit");
        return form;
    }

    public static async Task<JsonElement> UploadImageAsync(this HttpClient client, string alt = "Une photo", string? caption = null, string? credit = null)
    {
        using var form = Upload(Jpeg(), "photo.jpg", alt, caption, credit);
        var response = await client.PostAsync(new Uri("/api/v1/media", UriKind.Relative), form, Ct);
        return await response.AssertStatusAsync(HttpStatusCode.Created);
    }
}
