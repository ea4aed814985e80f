using System.Globalization;
using System.Text;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Webhooks;

/// <summary>
/// Sends the outbox. Each pass claims due deliveries one by one with a conditional update (pending, due, lease free
/// or expired → ClaimedBy = this instance, ClaimedUntil = now + lease), so several instances on one database never
/// send the same row at once and a crashed sender's rows come back when the lease runs out. A 2xx answer delivers;
/// anything else (an error status, a timeout, a refused connection) is retried with exponential backoff until
/// GiveUpHours after the event, then given up. Nothing here runs inside anyone's transaction or request.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, IOptions<WebhooksOptions> options,
    WebhookSignal signal, ILogger<WebhookDispatcher> log) : BackgroundService
{
    public const string ClientName = "webhooks";
    const int Batch = 20;
    readonly string instance = Environment.MachineName + ":" + Guid.NewGuid().ToString("N")[..8];

    WebhooksOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Options.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be due: go again at once.
                while (await SendDueAsync(stoppingToken) == Batch) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Sending webhooks failed; trying again at the next pass.");
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, Options.PollSeconds)), stoppingToken);
        }
    }

    /// <summary>One pass: claims up to a batch of due deliveries, sends them in parallel, records each outcome.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(ct);
        var claimed = new List<long>();
        foreach (var id in candidates)
            if (await ClaimAsync(db, id, now, ct)) claimed.Add(id);
        if (claimed.Count == 0) return 0;

        var deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Webhook)
            .Where(d => claimed.Contains(d.Id)).ToListAsync(ct);
        var outcomes = await Task.WhenAll(deliveries.Select(d => SendAsync(d, ct)));
        foreach (var (delivery, outcome) in deliveries.Zip(outcomes))
            await RecordAsync(db, delivery, outcome, ct);
        return claimed.Count;
    }

    /// <summary>The conditional update that makes a row this instance's; false when another instance holds it.</summary>
    public async Task<bool> ClaimAsync(KiosqueDb db, long id, DateTime now, CancellationToken ct)
    {
        var until = now.AddSeconds(Math.Max(5, Options.LeaseSeconds));
        return await db.WebhookDeliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedBy, instance).SetProperty(d => d.ClaimedUntil, until), ct) == 1;
    }

    sealed record Outcome(bool Delivered, int? StatusCode, string? Error);

    async Task<Outcome> SendAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var hook = delivery.Webhook;
        if (!hook.Active) return new Outcome(false, null, "Hook disabled.");
        if (WebhookAddresses.WhyRefused(hook.Url, Options.AllowPrivateNetworks) is { } refused) return new Outcome(false, null, refused);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSigning.Header, WebhookSigning.Sign(hook.Secret, timestamp, delivery.Payload));
        request.Headers.Add("Kiosque-Event", delivery.EventType);
        request.Headers.Add("Kiosque-Delivery", delivery.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("Kiosque-Event-Id", delivery.EventId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, Options.TimeoutSeconds)));
        try
        {
            using var client = http.CreateClient(ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return new Outcome(response.IsSuccessStatusCode, code, response.IsSuccessStatusCode ? null : $"HTTP {code} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(false, null, $"No answer within {Options.TimeoutSeconds} s.");
        }
        catch (HttpRequestException e)
        {
            return new Outcome(false, null, e.InnerException?.Message ?? e.Message);
        }
    }

    async Task RecordAsync(KiosqueDb db, WebhookDelivery delivery, Outcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = delivery.Attempts + 1;
        var status = outcome.Delivered ? DeliveryStatus.Delivered
            : now - delivery.CreatedAt >= TimeSpan.FromHours(Options.GiveUpHours) ? DeliveryStatus.GivenUp
            : DeliveryStatus.Pending;
        var next = status == DeliveryStatus.Pending ? now + Backoff(attempts) : delivery.NextAttemptAt;
        var error = outcome.Error is { Length: > 1000 } tooLong ? tooLong[..1000] : outcome.Error;
        // Only while the lease is still ours: a row another instance took over after our lease ran out is theirs to record.
        await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.ClaimedBy == instance)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.Attempts, attempts)
                .SetProperty(d => d.LastAttemptAt, now)
                .SetProperty(d => d.LastStatusCode, outcome.StatusCode)
                .SetProperty(d => d.LastError, error)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.DeliveredAt, outcome.Delivered ? now : null)
                .SetProperty(d => d.ClaimedBy, (string?)null)
                .SetProperty(d => d.ClaimedUntil, (DateTime?)null), ct);
        if (status == DeliveryStatus.GivenUp)
            log.LogWarning("Webhook delivery {Id} ({Type}) to hook {Hook} given up after {Attempts} attempts: {Error}", delivery.Id, delivery.EventType, delivery.WebhookId, attempts, error);
    }

    /// <summary>base × 2^(attempts−1), capped, plus up to 20 % jitter so that retries after an outage spread out.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(Options.RetryBaseSeconds * Math.Pow(2, Math.Min(attempts - 1, 30)), Options.MaxDelayMinutes * 60.0);
        return TimeSpan.FromSeconds(seconds * (1 + Random.Shared.NextDouble() * 0.2));
    }
}
