using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Kiosque.Webhooks;

/// <summary>
/// `Kiosque-Signature: t=1732485600,v1=5f0c…` where v1 is the lower-case hex HMAC-SHA256, keyed with the hook's
/// secret, of "{t}.{body}" (the Unix time in seconds, a dot, the exact body bytes). Receivers recompute it, compare
/// in constant time, and refuse a t more than a few minutes old: a captured delivery cannot be replayed later.
/// </summary>
public static class WebhookSigning
{
    public const string Header = "Kiosque-Signature";

    public static string NewSecret() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>What a receiver does; Kiosque's tests use it, receivers in .NET may copy it.</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)) return false;
        if (!long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)) return false;
        if (Math.Abs(now.ToUnixTimeSeconds() - timestamp) > tolerance.TotalSeconds) return false;
        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body).Split("v1=")[1]);
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(v1));
    }
}

/// <summary>
/// Refuses webhook targets inside the server's own networks unless Kiosque:Webhooks:AllowPrivateNetworks is on:
/// checked when a hook is registered (the URL) and again at every connection (the addresses the name resolves to
/// then), so a name that later resolves to 127.0.0.1 is refused too.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>Why a hook may not point at <paramref name="url"/> (English, for the API and the delivery log); null when it may.</summary>
    public static string? WhyRefused(string url, bool allowPrivate) => Refusal(url, allowPrivate)?.English;

    /// <summary>Why a hook may not point at <paramref name="url"/>, in both languages; null when it may.</summary>
    public static WebhookError? Refusal(string url, bool allowPrivate)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return new("An absolute http(s) URL.", "Une adresse complète en http:// ou https://.");
        if (url.Length > 1000) return new("At most 1000 characters.", "1000 caractères au plus.");
        if (!string.IsNullOrEmpty(uri.UserInfo)) return new("No user name or password in the URL.", "Pas de nom d’utilisateur ni de mot de passe dans l’adresse.");
        if (allowPrivate) return null;
        if (uri.IsLoopback || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return new("Loopback addresses are refused.", InternalRefused("Les adresses de la machine elle-même (localhost, 127.0.0.1…) sont refusées"));
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IsInternal(ip))
            return new("Private and internal network addresses are refused.", InternalRefused("Les adresses de réseau privé ou interne sont refusées"));
        return null;
    }

    static string InternalRefused(string what) =>
        $"{what} : un webhook ne doit pas faire appeler au serveur son propre réseau. Pour un récepteur interne, l’administrateur du serveur active le réglage Kiosque:Webhooks:AllowPrivateNetworks.";

    public static bool IsInternal(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6) ip = ip.MapToIPv4();
        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast)) return true;
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6Multicast || ip.IsIPv6UniqueLocal;
        var b = ip.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => true,
            100 => b[1] >= 64 && b[1] <= 127,          // carrier-grade NAT
            169 => b[1] == 254,                         // link-local, cloud metadata
            172 => b[1] >= 16 && b[1] <= 31,
            192 => b[1] == 168 || b[1] == 0 && b[2] is 0 or 2,
            198 => b[1] is 18 or 19,
            >= 224 => true,                             // multicast and reserved
            _ => false,
        };
    }

    /// <summary>The webhook client's connect step: resolve, refuse internal addresses (unless allowed), connect.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(Func<bool> allowPrivate) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            if (!allowPrivate()) addresses = addresses.Where(a => !IsInternal(a)).ToArray();
            if (addresses.Length == 0) throw new HttpRequestException($"{host} resolves to no address a webhook may reach.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
