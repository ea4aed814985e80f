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
    /// <summary>Admins must use an authenticator app: one without it can only set it up.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }
    /// <summary>Feeds carry the whole body when set, else the standfirst only.</summary>
    public bool FeedFullText { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class NavigationItem
{
    public int Id { get; set; }
    public int Position { get; set; }
    public string Label { get; set; } = "";
    public string Url { get; set; } = "";
}
