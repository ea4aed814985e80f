using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosque.Tests.Webhooks;

public sealed record ReceivedHook(string Event, string EventId, string Signature, string Body, DateTimeOffset At);

/// <summary>A real HTTP server on a free loopback port that records what it receives and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentQueue<ReceivedHook> received = new();
    readonly SemaphoreSlim arrived = new(0);

    WebhookReceiver(WebApplication app) => this.app = app;

    public string Url { get; private set; } = "";
    /// <summary>The status of the answer to the n-th request (1-based); 200 by default.</summary>
    public Func<int, int> Status { get; set; } = _ => 200;
    public IReadOnlyList<ReceivedHook> Received => received.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        // An empty builder: no configuration files, so no file watcher (inotify instances are scarce on a shared machine).
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        var count = 0;
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var n = Interlocked.Increment(ref count);
            receiver.received.Enqueue(new ReceivedHook(http.Request.Headers["Kiosque-Event"].ToString(), http.Request.Headers["Kiosque-Event-Id"].ToString(),
                http.Request.Headers["Kiosque-Signature"].ToString(), body, DateTimeOffset.UtcNow));
            receiver.arrived.Release();
            http.Response.StatusCode = receiver.Status(n);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hook";
        return receiver;
    }

    /// <summary>Waits until a request matching <paramref name="match"/> has arrived (30 s at most).</summary>
    public async Task<ReceivedHook> WaitForAsync(Func<ReceivedHook, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (received.FirstOrDefault(match) is { } hit) return hit;
            try
            {
                await arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("The webhook never arrived; received: " + string.Join(", ", received.Select(r => r.Event)));
            }
        }
    }

    /// <summary>A loopback port nothing listens on: a receiver that is down.</summary>
    public static string DeadUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/hook";
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        arrived.Dispose();
    }
}
