using Kiosque.Api;
using Kiosque.Content;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Accounts;

/// <summary>A member of the newsroom. The user name is the e-mail address.</summary>
public sealed class NewsroomUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The byline this person signs with, when they write.</summary>
    public int? AuthorId { get; set; }
    public Author? Author { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set by an admin: a disabled account cannot sign in and its sessions end.</summary>
    public DateTime? DisabledAt { get; set; }
}

public enum AccountLinkPurpose { SetUp, PasswordReset }

/// <summary>
/// A one-time link sent or printed for a person: choose a first password (set-up, invitation) or a new one
/// (reset). Only the SHA-256 hash of the token is stored, like API tokens.
/// </summary>
public sealed class AccountLink
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public AccountLinkPurpose Purpose { get; set; }
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}

public static class AccountsModel
{
    // Fixed ids and stamps: the roles are part of the model, so migrations create them on every provider.
    static readonly (string Id, string Name)[] SeededRoles =
    [
        ("7d0c3f2e-5a8b-4c1e-9f3a-000000000001", Roles.Admin),
        ("7d0c3f2e-5a8b-4c1e-9f3a-000000000002", Roles.Editor),
        ("7d0c3f2e-5a8b-4c1e-9f3a-000000000003", Roles.Contributor),
    ];

    public static void ConfigureAccounts(this ModelBuilder b)
    {
        b.Entity<NewsroomUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
        });
        b.Entity<IdentityRole>().HasData(SeededRoles.Select(r => new IdentityRole
        {
            Id = r.Id, Name = r.Name, NormalizedName = r.Name.ToUpperInvariant(), ConcurrencyStamp = r.Id,
        }));
        b.Entity<AccountLink>(e =>
        {
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.UserId);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
            e.HasOne<NewsroomUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
