using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CleanGames.Application.Mafia.Economy.Common;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Mafia.Economy;

/// <summary>
/// <c>Economy:Chain:Mode = Simulated</c> (the default): moves no real funds. Addresses are valid TON
/// user-friendly addresses (bounceable, workchain 0, CRC16 checksum, base64url) whose account hash is
/// derived from <c>Economy:Chain:Seed</c> and the account id, so they are the same on every start and
/// every instance; on-chain balances are zero. A payout's outcome is a function of its reference: it
/// fails when the reference's hash falls under <c>Economy:Chain:FailureRate</c>, else it is paid with a
/// transaction hash derived from the reference. So paying the same reference again, on any instance or
/// after a restart, gives the same outcome and pays nothing twice.
/// </summary>
internal sealed class SimulatedChainGateway(IOptions<ChainOptions> options) : IChainGateway
{
    private readonly byte[] _seed = Encoding.UTF8.GetBytes(options.Value.Seed);
    private readonly ConcurrentDictionary<string, PayoutOutcome> _sent = new(StringComparer.Ordinal);

    public Task<PayoutOutcome> PayOutAsync(PayoutOrder order, CancellationToken cancellationToken) =>
        Task.FromResult(_sent.GetOrAdd(order.Reference, Outcome));

    public Task<PayoutOutcome?> FindPayoutAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(_sent.TryGetValue(reference, out var outcome) ? outcome : null);

    private PayoutOutcome Outcome(string reference)
    {
        var hash = Derive("payout", reference);
        var draw = BinaryPrimitives.ReadUInt32BigEndian(hash) / (double)uint.MaxValue;
        return draw < options.Value.FailureRate ? new PayoutOutcome(false, null) : new PayoutOutcome(true, Convert.ToHexStringLower(hash));
    }

    public ChainAddresses AddressesOf(long accountId) =>
        new(TonAddresses.UserFriendly(Derive("wallet", accountId)), TonAddresses.UserFriendly(Derive("jetton-wallet", accountId)));

    public Task<ChainBalances> BalancesAsync(ChainAddresses addresses, CancellationToken cancellationToken) => Task.FromResult(new ChainBalances(0m, 0m));

    private byte[] Derive(string purpose, long accountId) => Derive(purpose, accountId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private byte[] Derive(string purpose, string subject) => HMACSHA256.HashData(_seed, Encoding.UTF8.GetBytes($"{purpose}:{subject}"));
}

/// <summary>TON's user-friendly address form: tag, workchain, 32-byte account hash, CRC16-XMODEM, in base64url (48 characters).</summary>
internal static class TonAddresses
{
    private const byte Bounceable = 0x11;

    public static string UserFriendly(ReadOnlySpan<byte> accountHash, sbyte workchain = 0)
    {
        if (accountHash.Length != 32)
        {
            throw new ArgumentException("A TON account hash is 32 bytes.", nameof(accountHash));
        }

        Span<byte> raw = stackalloc byte[36];
        raw[0] = Bounceable;
        raw[1] = unchecked((byte)workchain);
        accountHash.CopyTo(raw[2..34]);
        BinaryPrimitives.WriteUInt16BigEndian(raw[34..], Crc16(raw[..34]));
        return Convert.ToBase64String(raw).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>True for a well-formed user-friendly address whose checksum holds.</summary>
    public static bool IsValid(string address)
    {
        if (address.Length != 48)
        {
            return false;
        }

        Span<byte> raw = stackalloc byte[36];
        if (!Convert.TryFromBase64String(address.Replace('-', '+').Replace('_', '/'), raw, out var written) || written != 36)
        {
            return false;
        }

        return BinaryPrimitives.ReadUInt16BigEndian(raw[34..]) == Crc16(raw[..34]);
    }

    /// <summary>CRC-16/XMODEM (polynomial 0x1021, initial value 0), as TON computes it.</summary>
    public static ushort Crc16(ReadOnlySpan<byte> data)
    {
        ushort crc = 0;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }
}
