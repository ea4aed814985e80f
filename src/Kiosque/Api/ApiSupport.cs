using System.Text.Json;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Api;

/// <summary>A request record that can check its own shape; <see cref="ValidationFilter"/> runs it for every endpoint.</summary>
public interface IValidatable
{
    void Validate(Errors errors);
}

/// <summary>Field errors keyed by the JSON (camelCase) field name, as in `errors.section`.</summary>
public sealed class Errors
{
    readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public IEnumerable<KeyValuePair<string, List<string>>> ByField => byField;

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
        list.Add(message);
    }

    public void Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "Required.");
        else MaxLength(field, value, maxLength);
    }

    public void MaxLength(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(field, $"At most {maxLength} characters.");
    }

    public void Slug(string field, string? slug)
    {
        if (slug is not null && !Slugs.IsValid(slug))
            Add(field, "A slug is lower-case letters, digits and single hyphens, e.g. \"guerre-en-ukraine\".");
    }

    public void Link(string field, string? url, int maxLength = 1000)
    {
        if (url is null) return;
        if (!ApiUrls.IsLink(url)) Add(field, "Must be an absolute http(s) URL or a site-relative path starting with /.");
        else MaxLength(field, url, maxLength);
    }

    /// <summary>The shared content rules' failures, in the API's words.</summary>
    public void AddAll(IEnumerable<FieldError> errors)
    {
        foreach (var e in errors)
            Add(e.Field, e.Failure switch
            {
                RuleFailure.Required => "Required.",
                RuleFailure.TooLong => $"At most {e.Limit} characters.",
                RuleFailure.BadSlug => "A slug is lower-case letters, digits and single hyphens, e.g. \"guerre-en-ukraine\".",
                RuleFailure.NoSlugFromName => "The name gives no slug: send one.",
                RuleFailure.NoSlugFromTitle => "The title gives no slug: send one.",
                RuleFailure.BadLink => "Must be an absolute http(s) URL or a site-relative path starting with /.",
                RuleFailure.BadLanguage => "A language tag such as \"fr\" or \"fr-FR\".",
                RuleFailure.TooMany => $"At most {e.Limit} entries.",
                _ => "Invalid.",
            });
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
        detail: "One or more fields are invalid.");
}

public sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Errors();
        foreach (var argument in context.Arguments)
            (argument as IValidatable)?.Validate(errors);
        return errors.Any ? errors.ToProblem() : await next(context);
    }
}

public static class ApiUrls
{
    public static bool IsLink(string url) =>
        ContentRules.IsLink(url);

    /// <summary>Content keeps site-relative URLs; the API answers absolute ones (Kiosque:PublicUrl, else the request's host).</summary>
    public static string Absolute(HttpContext http, string url)
    {
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)) return url;
        var publicUrl = http.RequestServices.GetRequiredService<IOptions<KiosqueOptions>>().Value.PublicUrl;
        var origin = string.IsNullOrWhiteSpace(publicUrl) ? $"{http.Request.Scheme}://{http.Request.Host}" : publicUrl.TrimEnd('/');
        return origin + url;
    }
}

public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what}.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
    public static DateTimeOffset? Utc(DateTime? value) => value is null ? null : Utc(value.Value);

    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteErrorCode == 19,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}

/// <summary>
/// Turns what the framework throws on bad API input into problems: unreadable JSON and wrong content types
/// (400/415), oversized bodies (413), text the database refuses (400), and a unique index losing a race with a
/// concurrent write (409).
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        if (!http.Request.Path.StartsWithSegments(ApiFeature.Prefix))
        {
            // ThrowOnBadRequest is global: elsewhere, answer exactly as the framework does when it does not throw.
            if (exception is not BadHttpRequestException other) return false;
            http.Response.StatusCode = other.StatusCode;
            return true;
        }
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } =>
                (StatusCodes.Status400BadRequest, "Invalid JSON", "The request body is not valid JSON for this endpoint: " + json.Message),
            // The form reader reports its size limits as invalid data; for the client it is a body too large.
            BadHttpRequestException { InnerException: InvalidDataException tooLarge } when tooLarge.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                (StatusCodes.Status413PayloadTooLarge, "Request too large", tooLarge.Message),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", bad.Message),
            // PostgreSQL refuses some text SQLite stores (a NUL character, say): the value was bad, not the server.
            Npgsql.PostgresException { SqlState: var state } refused when state.StartsWith("22", StringComparison.Ordinal) =>
                (StatusCodes.Status400BadRequest, "Invalid value", "A value cannot be stored: " + refused.MessageText),
            DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: var state } pg } when state.StartsWith("22", StringComparison.Ordinal) =>
                (StatusCodes.Status400BadRequest, "Invalid value", "A value cannot be stored: " + pg.MessageText),
            DbUpdateException db when ApiProblems.IsUniqueViolation(db) =>
                (StatusCodes.Status409Conflict, "Conflict", "Another write took this slug or path first; nothing was saved."),
            _ => (0, "", ""),
        };
        if (status == 0) return false;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
