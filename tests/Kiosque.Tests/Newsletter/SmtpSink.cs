using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Kiosque.Tests.Newsletter;

/// <summary>One message as the server accepted it: the envelope recipients and the parsed MIME.</summary>
public sealed record Received(IReadOnlyList<string> To, MimeMessage Message);

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port, in process. It keeps every accepted message;
/// <see cref="Refuse"/> makes it answer a recipient with a given code (550 permanent, 451 temporary).
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly Task running;
    public int Port { get; }
    public ConcurrentQueue<Received> Messages { get; } = new();
    public ConcurrentDictionary<string, int> Refuse { get; } = new(StringComparer.OrdinalIgnoreCase);

    SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).Port(port)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new NoDelayListeners());
        services.Add(new Filter(this));
        var server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public static async Task<SmtpSink> StartAsync(int? port = null)
    {
        var sink = new SmtpSink(port ?? FreePort());
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, sink.Port, TestContext.Current.CancellationToken);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }
        throw new InvalidOperationException("The test SMTP server did not start.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The app's settings to send here.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Kiosque:Smtp:Host"] = "127.0.0.1",
        ["Kiosque:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Kiosque:Smtp:Security"] = "none",
        ["Kiosque:Smtp:From"] = "L’Écho du Port <lettre@echo.example>",
    };

    public List<Received> To(string address) => Messages.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>Waits until <paramref name="done"/> holds for the messages received, or fails after <paramref name="seconds"/>.</summary>
    public async Task WaitAsync(Func<IReadOnlyCollection<Received>, bool> done, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!done(Messages.ToArray()))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Only {Messages.Count} message(s) received in {seconds} s.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await running; }
        catch (OperationCanceledException) { }
        stop.Dispose();
    }

    sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            sink.Messages.Enqueue(new Received(transaction.To.Select(m => m.AsAddress()).ToList(), message));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    sealed class Filter(SmtpSink sink) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (sink.Refuse.TryGetValue(to.AsAddress(), out var code))
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)code, code >= 500 ? "No such mailbox here" : "Try again later"));
            return Task.FromResult(true);
        }
    }
}

/// <summary>The default listener with Nagle's algorithm off on accepted connections (Linux passes the option on from the listening socket).</summary>
sealed class NoDelayListeners : SmtpServer.Net.EndpointListenerFactory
{
    public override SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new System.Net.Sockets.TcpListener(endpointDefinition.Endpoint);
        listener.Server.NoDelay = true;
        listener.Start();
        OnEndpointStarted(new SmtpServer.Net.EndpointEventArgs(endpointDefinition, listener.LocalEndpoint));
        Action stopped = () =>
        {
            listener.Stop();
            OnEndpointStopped(new SmtpServer.Net.EndpointEventArgs(endpointDefinition, listener.LocalEndpoint));
        };
        // The package's own listener, whose constructor is not public.
        return (SmtpServer.Net.IEndpointListener)Activator.CreateInstance(typeof(SmtpServer.Net.EndpointListener),
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public,
            null, [listener, stopped], null)!;
    }
}
