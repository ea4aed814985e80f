using Kiosque.Api;
using Kiosque.Content.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Kiosque.Wires;

/// <summary>The answer to an ingested item: the article it made or touched, and what happened.</summary>
public sealed record IngestResponse(int? ArticleId, string Outcome, string Message, string? Url);

public static class WiresFeature
{
    /// <summary>ninjs ingest (watched folder and API) into draft articles; ninjs export lives in the articles API.</summary>
    public static void AddWires(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WiresOptions>().BindConfiguration(WiresOptions.SectionName);
        builder.Services.AddScoped<WireIngest>();
        builder.Services.AddSingleton<WireFolder>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WireFolder>());
    }

    public static void MapWires(this RouteGroupBuilder api) =>
        api.MapPost("/ingest/ninjs", IngestAsync).WithName("IngestNinjs").WithTags("Wires")
            .RequireAuthorization(ApiAuth.Publish)
            .Accepts<object>("application/json", NinjsExport.MediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>
    /// One ninjs item (2.x or 3.x) as the body: 201 with the new draft, 200 when an existing one was updated, left
    /// alone (not a newer version) or flagged; 400 naming the field; 413 above Kiosque:Wires:MaxItemBytes.
    /// </summary>
    static async Task<Results<Created<IngestResponse>, Ok<IngestResponse>, ValidationProblem, ProblemHttpResult>> IngestAsync(
        HttpContext http, WireIngest ingest, IOptions<WiresOptions> options, CancellationToken ct)
    {
        if (Actor.From(http.User) is not { } actor) return ApiProblems.Forbidden("This credential names no user or role the newsroom knows.");
        var type = http.Request.ContentType ?? "";
        if (!type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) && !type.StartsWith(NinjsExport.MediaType, StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Send the item as application/json or {NinjsExport.MediaType}, not {(type.Length == 0 ? "nothing" : type)}.");
        var max = options.Value.MaxItemBytes;
        if (http.Request.ContentLength > max) return TooLarge(max);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) return TooLarge(max);
            buffer.Write(chunk, 0, read);
        }

        var result = await ingest.IngestAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), actor, "api", ct);
        if (result.Outcome == IngestOutcome.Invalid)
        {
            var errors = new Errors();
            errors.Add(result.Field ?? "$", result.Message);
            return errors.ToProblem();
        }
        if (result.Outcome == IngestOutcome.Conflict) return ApiProblems.Conflict(result.Message);
        var url = result.ArticleId is { } id ? ApiUrls.Absolute(http, $"/api/v1/articles/{id}") : null;
        var response = new IngestResponse(result.ArticleId, result.Outcome.ToString().ToLowerInvariant(), result.Message, url);
        return result.Outcome == IngestOutcome.Created ? TypedResults.Created(url, response) : TypedResults.Ok(response);
    }

    static ProblemHttpResult TooLarge(long max) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large",
            detail: $"A ninjs item is at most {max} bytes (Kiosque:Wires:MaxItemBytes).");
}
