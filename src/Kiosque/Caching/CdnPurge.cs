using System.Net.Http.Headers;
using Kiosque.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kiosque.Caching;

/// <summary>
/// When Kiosque:Cdn:PurgeUrl is set, POSTs {"tags":[…],"urls":[…]} there after each eviction decided here (not
/// for evictions relayed from other instances: the deciding instance purges once). Sent in the background: a
/// slow CDN does not hold up the editor's request; a failure is logged and the CDN's max-age bounds the staleness.
/// </summary>
public sealed class CdnPurge(IOptions<CdnOptions> options, IOptions<KiosqueOptions> site, IHttpClientFactory clients, ILogger<CdnPurge> log)
    : IEvictionListener
{
    public const string HttpClientName = "cdn-purge";

    public sealed record PurgeRequest(IReadOnlyCollection<string> Tags, IReadOnlyCollection<string> Urls);

    public Task EvictedAsync(IReadOnlyCollection<string> tags, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        var target = options.Value.PurgeUrl;
        if (string.IsNullOrWhiteSpace(target)) return Task.CompletedTask;
        var baseUrl = site.Value.PublicUrl?.TrimEnd('/') ?? "";
        var body = new PurgeRequest(tags, paths.Select(p => baseUrl + p).ToList());
        _ = Task.Run(async () =>
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = JsonContent.Create(body) };
                if (!string.IsNullOrEmpty(options.Value.PurgeToken))
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.PurgeToken);
                using var response = await clients.CreateClient(HttpClientName).SendAsync(request, CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                    log.LogWarning("The CDN purge of {Tags} answered {Status}.", string.Join(", ", tags), (int)response.StatusCode);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                log.LogWarning(e, "The CDN purge of {Tags} failed.", string.Join(", ", tags));
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }
}
