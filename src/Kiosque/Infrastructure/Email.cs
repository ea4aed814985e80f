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
        await client.ConnectAsync(options.Host, options.Port, SocketOptions(options.Security), ct);
        if (!string.IsNullOrEmpty(options.Username))
            await client.AuthenticateAsync(options.Username, options.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
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
