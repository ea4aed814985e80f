using Kiosque.Content;
using Kiosque.Infrastructure;
using Kiosque.Media;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Api;

public sealed record MediaCreated(int Id, string Url);

public sealed record MediaResponse(
    int Id, string Url, string ContentType, long Length, int Width, int Height, string Alt, string? Caption, string? Credit,
    DateTimeOffset CreatedAt);

public static class MediaApi
{
    /// <summary>Room for the multipart boundaries and the text fields around the file.</summary>
    public const long FormOverhead = 64 * 1024;

    public static void MapMediaApi(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/media").WithTags("Media");
        read.MapGet("/{id:int}", GetAsync).WithName("GetMedia");

        var write = read.MapGroup("").RequireAuthorization(ApiAuth.Write);
        // Bearer tokens are not sent by browsers on their own, so a cross-site form cannot forge this upload.
        write.MapPost("", UploadAsync).WithName("UploadMedia").DisableAntiforgery()
            .WithFormOptions(multipartBodyLengthLimit: UploadLimit(api))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    static long UploadLimit(IEndpointRouteBuilder routes) =>
        routes.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<KiosqueOptions>>().Value.MaxUploadBytes + FormOverhead;

    static async Task<Results<Ok<MediaResponse>, ProblemHttpResult>> GetAsync(int id, HttpContext http, KiosqueDb db, CancellationToken ct)
    {
        var item = await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        return item is null ? ApiProblems.NotFound($"media item {id}") : TypedResults.Ok(ToResponse(http, item));
    }

    static MediaResponse ToResponse(HttpContext http, MediaItem m) => new(
        m.Id, ApiUrls.Absolute(http, m.Url), m.ContentType, m.Length, m.Width, m.Height, m.Alt, m.Caption, m.Credit, ApiProblems.Utc(m.CreatedAt));

    static async Task<Results<Created<MediaCreated>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        IFormFile? file, [FromForm] string? alt, [FromForm] string? caption, [FromForm] string? credit,
        HttpContext http, MediaStore store, CancellationToken ct)
    {
        var errors = new Errors();
        if (file is null) errors.Add("file", "Send the image as the multipart field \"file\".");
        else if (file.Length == 0) errors.Add("file", "The file is empty.");
        errors.Required("alt", alt, 1000);
        errors.MaxLength("caption", caption, 2000);
        errors.MaxLength("credit", credit, 300);
        if (errors.Any) return errors.ToProblem();
        if (file!.Length > store.MaxBytes)
            return TooLarge(store.MaxBytes);

        try
        {
            await using var stream = file.OpenReadStream();
            var item = await store.SaveImageAsync(stream, alt!, caption, credit, ct);
            return TypedResults.Created(ApiUrls.Absolute(http, $"/api/v1/media/{item.Id}"), new MediaCreated(item.Id, ApiUrls.Absolute(http, item.Url)));
        }
        catch (MediaRejectedException e) when (e.Message.Contains("larger", StringComparison.Ordinal))
        {
            return TooLarge(store.MaxBytes);
        }
        catch (MediaRejectedException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not an accepted image",
                detail: e.Message + " The content is checked, not the file name.");
        }
    }

    static ProblemHttpResult TooLarge(long max) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "File too large", detail: $"Images are limited to {max / 1024 / 1024.0:0.##} MB.");
}
