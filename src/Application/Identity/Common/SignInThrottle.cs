using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace CleanGames.Application.Identity.Common;

/// <summary>
/// Throttles password sign-ins per (account, client address). Every attempt is counted before the
/// password is checked, in one atomic write outside any aggregate, so a crowd of wrong guesses
/// neither races on the account nor escapes the count; a correct password forgets the pair's
/// failures. A pair that has used its free failures waits a delay that doubles with each further
/// attempt. Other addresses, the owner's among them, are not affected.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>
    /// Counts an attempt of <paramref name="key"/> at <paramref name="now"/> (as a failure until
    /// <see cref="ForgetAsync"/> says otherwise), or, when the pair must still wait, counts nothing
    /// and answers how long.
    /// </summary>
    Task<TimeSpan?> TryBeginAttemptAsync(SignInThrottleKey key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets the pair's failures (its password was right).</summary>
    Task ForgetAsync(SignInThrottleKey key, CancellationToken cancellationToken);

    /// <summary>Deletes the pairs whose last attempt is older than the forget window; answers how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>
/// Who is being signed in from where. <see cref="Subject"/> is the account, or, for a login that
/// names no account, a hash of the login (so an unknown login is counted and refused exactly like a
/// real one, and what someone typed is not stored). <see cref="Address"/> is the client address,
/// an IPv6 one by its /64 (one subscriber's allocation, which a client can rotate through freely).
/// </summary>
public sealed record SignInThrottleKey(string Subject, string Address)
{
    public const int MaxSubjectLength = 80;
    public const int MaxAddressLength = 64;

    public static SignInThrottleKey For(long? accountId, string login, string? clientAddress)
    {
        // Hashed for every sign-in, known login or not, so the two take the same path.
        var loginKey = "login:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(login.Trim().ToUpperInvariant())));
        var subject = accountId is { } id ? "account:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) : loginKey;
        return new SignInThrottleKey(subject, AddressKey(clientAddress));
    }

    /// <summary>An IPv4 address as it is; an IPv6 address as its /64 prefix; none or garbage as <c>unknown</c>.</summary>
    public static string AddressKey(string? clientAddress)
    {
        if (!IPAddress.TryParse(clientAddress, out var address))
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

/// <summary>The throttle's numbers, bound from <c>Identity:SignInThrottle</c>.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Identity:SignInThrottle";

    /// <summary>Failed attempts one (account, address) pair may make before it has to wait.</summary>
    public int FreeFailures { get; set; } = 5;

    /// <summary>The wait after the last free failure; each further failure doubles it.</summary>
    public int FirstDelaySeconds { get; set; } = 1;

    /// <summary>The longest wait between two attempts of one pair.</summary>
    public int MaxDelaySeconds { get; set; } = 900;

    /// <summary>A pair with no attempt for this long starts again with its free failures.</summary>
    public int ForgetAfterHours { get; set; } = 24;

    /// <summary>How long a pair that has made <paramref name="failures"/> failed attempts waits before its next one.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        if (failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = Math.Min(failures - FreeFailures, 30);
        return TimeSpan.FromSeconds(Math.Min((long)FirstDelaySeconds << doublings, MaxDelaySeconds));
    }
}
