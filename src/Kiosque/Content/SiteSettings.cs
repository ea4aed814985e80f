namespace Kiosque.Content;

/// <summary>The one row of site-wide settings.</summary>
public sealed class SiteSettings
{
    public const int SingletonId = 1;
    public int Id { get; set; } = SingletonId;
    public string Name { get; set; } = "Kiosque";
    public string Tagline { get; set; } = "";
    public string Language { get; set; } = "fr";
    public string TimeZone { get; set; } = "Europe/Paris";
    public bool CommentsSuspended { get; set; }
    public string CommentsSuspendedMessage { get; set; } = "";
    /// <summary>Pre: every comment waits for an editor. Post: comments appear at once and editors remove the bad ones.</summary>
    public CommentModeration CommentModeration { get; set; } = CommentModeration.Post;
    /// <summary>In post-moderation, a commenter with no approved comment yet still waits for an editor.</summary>
    public bool CommentsHoldFirstTime { get; set; } = true;
    /// <summary>0: never; otherwise comments close this many days after publication.</summary>
    public int CommentsCloseAfterDays { get; set; }
    /// <summary>While suspended, the approved comments stay visible under the site's message.</summary>
    public bool CommentsShowWhenSuspended { get; set; } = true;
    /// <summary>One per line; a comment containing one is held for moderation.</summary>
    public string CommentsBannedWords { get; set; } = "";
    /// <summary>One per line; a comment linking to one (or a subdomain) is refused.</summary>
    public string CommentsBannedDomains { get; set; } = "";
    public int CommentsMaxLinks { get; set; } = 2;
    /// <summary>Commenters may ask to be told by e-mail when someone replies.</summary>
    public bool CommentsNotifyOnReply { get; set; } = true;
    /// <summary>Editors receive the moderation queue by e-mail once a day.</summary>
    public bool CommentsDailyDigest { get; set; }
    /// <summary>A commenter's first comment waits until they open a link sent to their address.</summary>
    public bool CommentsConfirmFirstByEmail { get; set; }
    /// <summary>Admins must use an authenticator app: one without it can only set it up.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }
    /// <summary>Feeds carry the whole body when set, else the standfirst only.</summary>
    public bool FeedFullText { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum CommentModeration { Pre, Post }

public sealed class NavigationItem
{
    public int Id { get; set; }
    public int Position { get; set; }
    public string Label { get; set; } = "";
    public string Url { get; set; } = "";
}
