using System.Text;

namespace CleanGames.Domain.Common.Text;

/// <summary>
/// The form text is searched in: compatibility-decomposed (NFKD, from <see cref="Nfkc"/>'s tables, so
/// full-width letters and ligatures match their plain forms), the Latin, Greek and Cyrillic
/// combining accents (U+0300–U+036F) dropped, and lower-cased. "Éclair", "eclair" and "ÉCLAIR" fold
/// alike, and so do "Ёлка" and "елка"; letters with a stroke or ligatures no decomposition splits
/// fold to their plain spelling ("Søren", "Łódź", "Straße" find "soren", "lodz", "strasse"), and
/// Greek final sigma to sigma. Marks of other scripts (kana voicing, Hangul jamo) are kept:
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
                var lower = Rune.ToLowerInvariant(new Rune(scalar));
                if (lower.IsBmp && Plain(lower.Value) is { } plain)
                {
                    builder.Append(plain);
                }
                else
                {
                    builder.Append(lower);
                }
            }
            else
            {
                builder.Append((char)scalar);
            }
        }

        return builder.ToString();
    }

    /// <summary>Letters whose accent or stroke no decomposition removes, folded to what a reader types without it.</summary>
    private static string? Plain(int letter) => letter switch
    {
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        'ħ' => "h",
        'ŧ' => "t",
        'ı' => "i",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'ð' => "d",
        'ς' => "σ",
        _ => null,
    };
}
