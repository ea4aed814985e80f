namespace Kiosque.Api;

public static class Roles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Contributor = "contributor";
    public static readonly string[] All = [Admin, Editor, Contributor];
}

/// <summary>A bearer token for the API; only its SHA-256 hash is stored.</summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string Role { get; set; } = Roles.Contributor;
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
