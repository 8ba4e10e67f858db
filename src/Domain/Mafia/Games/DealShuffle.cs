using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CleanGames.Domain.Mafia.Games;

/// <summary>
/// The provably fair deal. The roles in canonical order (mafia, detective, doctor, citizens) are
/// shuffled by Fisher–Yates driven by the secret seed: for i from n−1 down to 1, j = the first 8
/// bytes of SHA-256(seed ‖ i as 4 big-endian bytes), read big-endian, modulo i+1, and roles i and j
/// swap; seat s gets role s. The commitment published at the start is the lower-case hex SHA-256 of
/// <c>"{game_id}|{seed hex}|{roles in seat order, comma-separated}"</c>; the seed is revealed when
/// the game ends, so anyone can redo the shuffle and check both.
/// </summary>
public static class DealShuffle
{
    public const int SeedBytes = 32;

    public static IReadOnlyList<Role> Deal(IReadOnlyList<Role> canonicalRoles, ReadOnlySpan<byte> seed)
    {
        ArgumentNullException.ThrowIfNull(canonicalRoles);
        var roles = canonicalRoles.ToArray();
        Span<byte> input = stackalloc byte[seed.Length + 4];
        seed.CopyTo(input);
        Span<byte> hash = stackalloc byte[32];
        for (var i = roles.Length - 1; i >= 1; i--)
        {
            BinaryPrimitives.WriteUInt32BigEndian(input[seed.Length..], (uint)i);
            SHA256.HashData(input, hash);
            var j = (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)(i + 1));
            (roles[i], roles[j]) = (roles[j], roles[i]);
        }

        return roles;
    }

    public static string Commitment(string gameId, ReadOnlySpan<byte> seed, IEnumerable<Role> rolesInSeatOrder) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{gameId}|{Convert.ToHexStringLower(seed)}|{string.Join(',', rolesInSeatOrder.Select(GameNames.Of))}")));
}
