using System.Text.Json;
using System.Text.Json.Serialization;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.OpenApi;

namespace Kiosque.Api;

public static class ApiFeature
{
    public const string Prefix = "/api";

    public static void AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(ApiAuth.Scheme, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiAuth.Write, p => p.AddAuthenticationSchemes(ApiAuth.Scheme).RequireAuthenticatedUser().RequireRole(Roles.All))
            .AddPolicy(ApiAuth.Publish, p => p.AddAuthenticationSchemes(ApiAuth.Scheme).RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Editor))
            .AddPolicy(ApiAuth.Admin, p => p.AddAuthenticationSchemes(ApiAuth.Scheme).RequireAuthenticatedUser().RequireRole(Roles.Admin));

        builder.Services.Configure<Microsoft.AspNetCore.Http.Json.JsonOptions>(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        // Bad bodies (invalid JSON, wrong content type, oversized form) throw, so ApiExceptionHandler can say why.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();

        // An oversized upload must reach the API as a 413 problem, not a reset connection: Kestrel's own limit
        // sits above the upload limit so the form reader, which answers properly, trips first.
        var maxUpload = builder.Configuration.GetSection(KiosqueOptions.SectionName).Get<KiosqueOptions>()?.MaxUploadBytes
            ?? new KiosqueOptions().MaxUploadBytes;
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(30_000_000, maxUpload + MediaApi.FormOverhead * 2));

        builder.Services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "Kiosque API", Version = "v1" };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiAuth.Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "kq_ token from `Kiosque tokens create`",
                    Description = "API token; anonymous GETs see published content only.",
                };
                return Task.CompletedTask;
            });
            // Only writes need the token; anonymous GETs stay open (they see published content only).
            o.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any())
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiAuth.Scheme, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });
    }

    public static void MapApi(this WebApplication app)
    {
        // Whatever answers an /api request without a body (404, 405, 415 …) answers a problem, not a page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Prefix), api => api.UseStatusCodePages(async context =>
        {
            var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = new ProblemDetails { Status = context.HttpContext.Response.StatusCode },
            });
        }));

        app.MapOpenApi("/openapi/{documentName}.json");

        var v1 = app.MapGroup("/api/v1")
            .AddEndpointFilter<ValidationFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        v1.MapArticles();
        v1.MapMediaApi();
        v1.MapTaxonomy();
        v1.MapPagesApi();
        v1.MapSiteApi();
        v1.MapAuditApi();
        Wires.WiresFeature.MapWires(v1);
        Webhooks.WebhooksFeature.MapWebhooksApi(v1);

        app.Map(Prefix + "/{**path}", UnknownRoute).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new WritesNothingAttribute("answers 404, 405 or 415 problems for routes that do not exist"));
    }

    /// <summary>
    /// The catch-all for /api wins over the site's own patterns, so it tells "no such route" (404) from
    /// "route exists, method does not" (405) and "wrong content type" (415), which routing alone would have answered.
    /// </summary>
    static ProblemHttpResult UnknownRoute(HttpContext http, EndpointDataSource endpoints, IInlineConstraintResolver constraints)
    {
        var path = http.Request.Path;
        var allowed = new SortedSet<string>(StringComparer.Ordinal);
        var accepted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText;
            if (raw is null || raw.Contains("**", StringComparison.Ordinal) || !raw.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            if (methods is null) continue;
            var matcher = new TemplateMatcher(TemplateParser.Parse(raw), new RouteValueDictionary());
            var values = new RouteValueDictionary();
            if (!matcher.TryMatch(path, values) || !MeetsConstraints(http, endpoint.RoutePattern, values, constraints)) continue;
            allowed.UnionWith(methods);
            if (methods.Contains(http.Request.Method) && endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is { } accepts)
                accepted.UnionWith(accepts.ContentTypes);
        }
        // The route and method exist but the endpoint refused the body's content type.
        if (accepted.Count > 0)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: $"Send the body as {string.Join(" or ", accepted)}, not {http.Request.ContentType ?? "nothing"}.");
        if (allowed.Count > 0)
        {
            http.Response.Headers.Allow = string.Join(", ", allowed);
            return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed,
                detail: $"{http.Request.Method} is not allowed here; use {string.Join(", ", allowed)}.");
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No API route matches {path}.");
    }

    static bool MeetsConstraints(HttpContext http, RoutePattern pattern, RouteValueDictionary values, IInlineConstraintResolver resolver) =>
        pattern.ParameterPolicies.All(p => p.Value.All(policy =>
            policy.Content is null || resolver.ResolveConstraint(policy.Content) is not { } constraint
            || constraint.Match(http, null, p.Key, values, RouteDirection.IncomingRequest)));
}
