using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CleanGames.Application.Identity.Common;

/// <summary>
/// Refresh tokens are the family's id (16 bytes) followed by 256 random bits, in base64url; only
/// their SHA-256 is ever stored. The family id lets the server recognise a token of a family that
/// has long rotated past it (and no longer remembers its hash) as reuse, and revoke that family.
/// </summary>
public static class RefreshTokens
{
    private const int FamilyIdBytes = 16;
    private const int SecretBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] SealInfo = "cleangames refresh-token seal v1"u8.ToArray();
    private static readonly byte[] AccessTokenIdInfo = "cleangames access-token id v1:"u8.ToArray();

    /// <summary>The longest token a client can present (a longer string is refused before hashing).</summary>
    public const int MaxLength = 256;

    public static (string Token, string Hash) New(Guid familyId)
    {
        Span<byte> bytes = stackalloc byte[FamilyIdBytes + SecretBytes];
        if (!familyId.TryWriteBytes(bytes[..FamilyIdBytes]))
        {
            throw new InvalidOperationException("A family id is 16 bytes.");
        }

        RandomNumberGenerator.Fill(bytes[FamilyIdBytes..]);
        var token = Base64Url.EncodeToString(bytes);
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The family a token names, or null for a string that is not shaped like one of our tokens.</summary>
    public static Guid? FamilyOf(string token)
    {
        Span<byte> bytes = stackalloc byte[FamilyIdBytes + SecretBytes];
        return token.Length <= MaxLength
               && Base64Url.IsValid(token, out var length) && length == bytes.Length
               && Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == bytes.Length
            ? new Guid(bytes[..FamilyIdBytes])
            : null;
    }

    /// <summary>
    /// Seals <paramref name="token"/> (AES-GCM) under a key derived from <paramref name="underToken"/>,
    /// so that only a holder of <paramref name="underToken"/> can read it back.
    /// </summary>
    public static string Seal(string token, string underToken)
    {
        var plain = Encoding.UTF8.GetBytes(token);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(SealKey(underToken), TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length));
        return Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>Opens what <see cref="Seal"/> made under <paramref name="underToken"/>; null when it was sealed under another token or altered.</summary>
    public static string? Unseal(string sealedToken, string underToken)
    {
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(sealedToken);
        }
        catch (FormatException)
        {
            return null;
        }

        if (sealedBytes.Length <= NonceBytes + TagBytes)
        {
            return null;
        }

        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(SealKey(underToken), TagBytes);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// The <c>jti</c> of the access token issued with the refresh token of <paramref name="refreshTokenHash"/>:
    /// derived, so that a grace-window replay is answered with the very same access token.
    /// </summary>
    public static string AccessTokenId(string refreshTokenHash)
    {
        var input = new byte[AccessTokenIdInfo.Length + Encoding.UTF8.GetByteCount(refreshTokenHash)];
        AccessTokenIdInfo.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(refreshTokenHash, input.AsSpan(AccessTokenIdInfo.Length));
        return Convert.ToHexStringLower(SHA256.HashData(input).AsSpan(0, 16));
    }

    private static byte[] SealKey(string underToken) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(underToken), 32, salt: [], info: SealInfo);
}
