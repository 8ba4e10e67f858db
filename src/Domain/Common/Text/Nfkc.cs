using System.Text;

namespace CleanGames.Domain.Common.Text;

/// <summary>
/// Unicode Normalization Form KC (UAX #15): compatibility decomposition, canonical ordering, then
/// canonical composition. The host runs with invariant globalization, where
/// <see cref="string.Normalize(NormalizationForm)"/> leaves non-ASCII text unchanged, so names that
/// must compare equal however they were typed are normalised here, from tables made by
/// <c>nfkc-data.py</c>. Work is linear in the input, so no input can make it slow.
/// </summary>
public static partial class Nfkc
{
    private const int HangulFirst = 0xAC00;
    private const int HangulCount = 11172;
    private const int LeadFirst = 0x1100;
    private const int VowelFirst = 0x1161;
    private const int TrailFirst = 0x11A7;
    private const int LeadCount = 19;
    private const int VowelCount = 21;
    private const int TrailCount = 28;
    private const int VowelTrailCount = VowelCount * TrailCount;

    /// <summary>
    /// <paramref name="text"/> in NFKC. Text that is not valid UTF-16 keeps its unpaired surrogates
    /// in place (each as a starter of its own) rather than failing.
    /// </summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsTriviallyNormalized(text))
        {
            return text;
        }

        var scalars = Decompose(text);
        Reorder(scalars);
        Compose(scalars);
        var builder = new StringBuilder(text.Length);
        foreach (var scalar in scalars)
        {
            if (Rune.IsValid(scalar))
            {
                builder.Append(new Rune(scalar));
            }
            else
            {
                builder.Append((char)scalar);
            }
        }

        return builder.ToString();
    }

    // Below U+00A0 every character is its own NFKC form and composes with nothing before it.
    private static bool IsTriviallyNormalized(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u00A0')
            {
                return false;
            }
        }

        return true;
    }

    private static List<int> Decompose(string text)
    {
        var scalars = new List<int>(text.Length + 8);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            int scalar;
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) == System.Buffers.OperationStatus.Done)
            {
                scalar = rune.Value;
            }
            else
            {
                // An unpaired surrogate: kept as the code unit it is.
                scalar = rest[0];
                used = 1;
            }

            rest = rest[used..];
            if (scalar - HangulFirst is >= 0 and < HangulCount)
            {
                var index = scalar - HangulFirst;
                scalars.Add(LeadFirst + (index / VowelTrailCount));
                scalars.Add(VowelFirst + (index % VowelTrailCount / TrailCount));
                if (index % TrailCount != 0)
                {
                    scalars.Add(TrailFirst + (index % TrailCount));
                }

                continue;
            }

            var at = DecompositionKeys.BinarySearch(scalar);
            if (at < 0)
            {
                scalars.Add(scalar);
                continue;
            }

            foreach (var part in DecompositionPool[DecompositionStarts[at]..DecompositionStarts[at + 1]])
            {
                scalars.Add(part);
            }
        }

        return scalars;
    }

    // Marks between two starters are put in order of their combining class, keeping the order of equal classes.
    private static void Reorder(List<int> scalars)
    {
        var start = 0;
        while (start < scalars.Count)
        {
            if (CombiningClass(scalars[start]) == 0)
            {
                start++;
                continue;
            }

            var end = start;
            while (end < scalars.Count && CombiningClass(scalars[end]) != 0)
            {
                end++;
            }

            if (end - start > 1)
            {
                var run = scalars.GetRange(start, end - start)
                    .Select((scalar, position) => (Scalar: scalar, Class: CombiningClass(scalar), Position: position))
                    .OrderBy(m => m.Class)
                    .ThenBy(m => m.Position)
                    .ToArray();
                for (var i = 0; i < run.Length; i++)
                {
                    scalars[start + i] = run[i].Scalar;
                }
            }

            start = end;
        }
    }

    // The canonical composition algorithm of UAX #15: each mark joins the last starter unless a mark
    // of the same or a higher class stands between them.
    private static void Compose(List<int> scalars)
    {
        if (scalars.Count == 0)
        {
            return;
        }

        var starterAt = 0;
        var starter = scalars[0];
        var lastClass = CombiningClass(starter) == 0 ? 0 : 256;
        var written = 1;
        for (var read = 1; read < scalars.Count; read++)
        {
            var scalar = scalars[read];
            var scalarClass = CombiningClass(scalar);
            if ((lastClass < scalarClass || lastClass == 0) && Composite(starter, scalar) is { } composite)
            {
                scalars[starterAt] = composite;
                starter = composite;
                continue;
            }

            if (scalarClass == 0)
            {
                starterAt = written;
                starter = scalar;
            }

            lastClass = scalarClass;
            scalars[written++] = scalar;
        }

        scalars.RemoveRange(written, scalars.Count - written);
    }

    private static int? Composite(int first, int second)
    {
        if (first - LeadFirst is >= 0 and < LeadCount && second - VowelFirst is >= 0 and < VowelCount)
        {
            return HangulFirst + ((((first - LeadFirst) * VowelCount) + (second - VowelFirst)) * TrailCount);
        }

        if (first - HangulFirst is >= 0 and < HangulCount && (first - HangulFirst) % TrailCount == 0 && second - TrailFirst is > 0 and < TrailCount)
        {
            return first + (second - TrailFirst);
        }

        var at = CompositionPairs.BinarySearch(((long)first << 21) | (long)second);
        return at >= 0 ? CompositionResults[at] : null;
    }

    private static int CombiningClass(int scalar)
    {
        var at = ClassKeys.BinarySearch(scalar);
        return at >= 0 ? ClassValues[at] : 0;
    }
}
