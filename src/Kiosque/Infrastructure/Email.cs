using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kiosque.Infrastructure;

/// <summary>"Kiosque:Smtp": with no Host, mail is written to {DataPath}/mail as .eml files instead of sent.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Kiosque:Smtp";
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>"none", "starttls" (default) or "tls" (implicit TLS, usually port 465).</summary>
    public string Security { get; set; } = "starttls";
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "Kiosque <kiosque@localhost>";
}

public sealed record EmailMessage(string To, string Subject, string Text, string Html);

/// <summary>An open channel for sending many messages in a row (see <see cref="EmailSender.OpenAsync"/>).</summary>
public interface IMailChannel : IAsyncDisposable
{
    /// <summary>Returns once the server has accepted the message (or the file is written).</summary>
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>The one way Kiosque sends e-mail.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> smtp, IOptions<KiosqueOptions> kiosque, TimeProvider clock,
    ILogger<EmailSender> logger)
{
    public string MailFolder => Path.Combine(kiosque.Value.FullDataPath, "mail");

    public async Task SendAsync(EmailMessage message, CancellationToken ct)
    {
        var options = smtp.Value;
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = clock.GetUtcNow(),
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(MailboxAddress.Parse(options.From));
        mime.To.Add(MailboxAddress.Parse(message.To));

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            Directory.CreateDirectory(MailFolder);
            var file = Path.Combine(MailFolder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, ct);
            logger.LogInformation("No SMTP server configured: e-mail to {To} written to {File}", message.To, file);
            return;
        }

        using var client = new SmtpClient();
        await ConnectAsync(client, options, ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    /// <summary>Whether messages go to an SMTP server (true) or to .eml files (false, the default).</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(smtp.Value.Host);

    public MailboxAddress DefaultFrom => MailboxAddress.Parse(smtp.Value.From);

    /// <summary>
    /// A channel for many messages: one SMTP connection kept open (opened now, so that an unreachable server shows at
    /// once), or, with no SMTP server configured, files named after each message's Message-Id in {DataPath}/mail/{folder}
    /// (writing the same message twice leaves one file).
    /// </summary>
    public async Task<IMailChannel> OpenAsync(string folder, CancellationToken ct)
    {
        var options = smtp.Value;
        if (string.IsNullOrWhiteSpace(options.Host))
            return new EmlTransport(Path.Combine(MailFolder, folder));
        var client = new SmtpClient();
        try
        {
            await ConnectAsync(client, options, ct);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        return new SmtpTransport(client, options);
    }

    static async Task ConnectAsync(SmtpClient client, SmtpOptions options, CancellationToken ct)
    {
        client.Timeout = 60_000;
        // Our own socket, to turn Nagle's algorithm off: SMTP is a conversation of small writes, and with Nagle and
        // delayed acknowledgements each message can wait tens of milliseconds for nothing.
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host!, options.Port, ct);
            await client.ConnectAsync(socket, options.Host!, options.Port, SocketOptions(options.Security), ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(options.Username))
            await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
    }

    sealed class SmtpTransport(SmtpClient client, SmtpOptions options) : IMailChannel
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            // A refused recipient leaves the connection usable; a dropped one is opened again once.
            if (!client.IsConnected) await ConnectAsync(client, options, ct);
            await client.SendAsync(message, ct);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException or MailKit.CommandException)
            {
                // The messages were accepted already; a failed QUIT changes nothing.
            }
            client.Dispose();
        }
    }

    sealed class EmlTransport(string folder) : IMailChannel
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            Directory.CreateDirectory(folder);
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
            var file = Path.Combine(folder, name + ".eml");
            var temporary = file + ".tmp";
            await message.WriteToAsync(temporary, ct);
            File.Move(temporary, file, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    static SecureSocketOptions SocketOptions(string security) => security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "tls" or "ssl" => SecureSocketOptions.SslOnConnect,
        "starttls" => SecureSocketOptions.StartTls,
        _ => throw new InvalidOperationException($"Kiosque:Smtp:Security must be none, starttls or tls, not '{security}'."),
    };
}

public static class EmailFeature
{
    public static void AddEmail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName);
        services.AddSingleton<EmailSender>();
    }
}
