using System.Text;

namespace CleanGames.Domain.Common.Text;

/// <summary>
/// The form text is searched in: compatibility-decomposed (NFKD, from <see cref="Nfkc"/>'s tables, so
/// full-width letters and ligatures match their plain forms), the Latin, Greek and Cyrillic
/// combining accents (U+0300–U+036F) dropped, and lower-cased. "Éclair", "eclair" and "ÉCLAIR" fold
/// alike, and so do "Ёлка" and "елка". Marks of other scripts (kana voicing, Hangul jamo) are kept:
/// there they change the word, not its accent. Linear in the input, like <see cref="Nfkc"/>.
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var scalar in Nfkc.Decomposed(text))
        {
            if (scalar is >= 0x0300 and <= 0x036F)
            {
                continue;
            }

            if (Rune.IsValid(scalar))
            {
                builder.Append(Rune.ToLowerInvariant(new Rune(scalar)));
            }
            else
            {
                builder.Append((char)scalar);
            }
        }

        return builder.ToString();
    }
}
