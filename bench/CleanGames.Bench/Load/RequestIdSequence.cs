using System.Buffers.Text;

namespace CleanGames.Bench.Load;

/// <summary>
/// A client's request ids, <c>{prefix}{1, 2, 3, …}</c>, written as UTF-8 into one buffer of its own,
/// so producing the next id allocates nothing.
/// </summary>
internal sealed class RequestIdSequence(byte[] prefix)
{
    // A long has at most 20 digits.
    private readonly byte[] _buffer = new byte[prefix.Length + 20];
    private int _length;
    private long _sequence;

    /// <summary>The id <see cref="Next"/> last produced.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(0, _length);

    public ReadOnlySpan<byte> Next()
    {
        prefix.CopyTo(_buffer, 0);
        if (!Utf8Formatter.TryFormat(++_sequence, _buffer.AsSpan(prefix.Length), out var digits))
        {
            throw new InvalidOperationException("The request id outgrew its buffer.");
        }

        _length = prefix.Length + digits;
        return Current;
    }
}
