namespace CleanGames.Domain.Common.Text;

public static partial class Nfkc
{
    /// <summary>The scalars of <paramref name="text"/> fully compatibility-decomposed (NFKD before reordering), Hangul syllables kept whole.</summary>
    internal static IEnumerable<int> Decomposed(string text)
    {
        var rest = 0;
        while (rest < text.Length)
        {
            int scalar;
            int used;
            if (System.Text.Rune.DecodeFromUtf16(text.AsSpan(rest), out var rune, out used) == System.Buffers.OperationStatus.Done)
            {
                scalar = rune.Value;
            }
            else
            {
                scalar = text[rest];
                used = 1;
            }

            rest += used;
            var at = scalar - HangulFirst is >= 0 and < HangulCount ? -1 : DecompositionKeys.BinarySearch(scalar);
            if (at < 0)
            {
                yield return scalar;
                continue;
            }

            var start = DecompositionStarts[at];
            var end = DecompositionStarts[at + 1];
            for (var i = start; i < end; i++)
            {
                yield return DecompositionPool[i];
            }
        }
    }
}
