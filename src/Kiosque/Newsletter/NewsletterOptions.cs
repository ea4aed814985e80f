namespace Kiosque.Newsletter;

/// <summary>"Kiosque:Newsletter": sending pace and sign-up limits; see docs/configuration.md.</summary>
public sealed class NewsletterOptions
{
    public const string SectionName = "Kiosque:Newsletter";
    /// <summary>The pace of one sender (one instance sends at a time); 0 means as fast as the server accepts.</summary>
    public double MessagesPerSecond { get; set; } = 20;
    /// <summary>Rows claimed at once; their messages go over <see cref="Connections"/> SMTP connections.</summary>
    public int BatchSize { get; set; } = 100;
    /// <summary>SMTP connections used side by side for one batch (1 to 16); the pace is shared between them.</summary>
    public int Connections { get; set; } = 2;
    /// <summary>How long a claim (and the sender's turn) lasts without renewal: after a crash, others wait this long.</summary>
    public int LeaseSeconds { get; set; } = 120;
    /// <summary>Temporary (4xx) refusals of one message before it counts as failed.</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>First retry delay; each further attempt doubles it, up to 30 minutes.</summary>
    public int RetrySeconds { get; set; } = 60;
    /// <summary>How often an idle sender looks for due editions.</summary>
    public int PollSeconds { get; set; } = 10;
    /// <summary>Off on an instance that must never send (a second web front, a test).</summary>
    public bool SendInBackground { get; set; } = true;
    /// <summary>Sender of newsletters; Kiosque:Smtp:From when empty.</summary>
    public string? From { get; set; }
    public int SignUpPerIpLimit { get; set; } = 5;
    public int SignUpPerIpWindowSeconds { get; set; } = 600;
    /// <summary>At most one confirmation e-mail per address in this many minutes, whoever asks.</summary>
    public int ConfirmationIntervalMinutes { get; set; } = 10;
    public int ConfirmLinkDays { get; set; } = 7;
    /// <summary>Unsubscribe and preferences links in sent editions keep working this long.</summary>
    public int ManageLinkDays { get; set; } = 730;
}
