using System.Globalization;
using System.Text;

namespace CleanGames.Domain.Mafia.Games;

/// <summary>
/// An emoji reaction is pictures only, so it stays a reaction: the emoji blocks' symbols (faces,
/// gestures, objects, the older dingbats and arrows), skin tones, joined emoji (zero-width joiner)
/// and variation selectors; country flags as pairs of regional indicators; subdivision flags as the
/// black flag followed by their tag letters and the cancel tag. Letters, digits, keycaps, enclosed
/// letters and loose tag characters are refused.
/// </summary>
public static class EmojiText
{
    public const int MaxLength = 16;

    private const int BlackFlag = 0x1F3F4;
    private const int CancelTag = 0xE007F;

    public static bool IsEmoji(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var runes = text.EnumerateRunes().Select(r => r.Value).ToArray();
        var pictures = 0;
        for (var i = 0; i < runes.Length;)
        {
            var value = runes[i];
            if (IsRegionalIndicator(value))
            {
                // A flag is two indicators; one alone is a boxed letter.
                if (i + 1 >= runes.Length || !IsRegionalIndicator(runes[i + 1]))
                {
                    return false;
                }

                i += 2;
            }
            else if (value == BlackFlag && i + 1 < runes.Length && IsTag(runes[i + 1]))
            {
                // A subdivision flag: tag letters or digits, closed by the cancel tag.
                var end = i + 1;
                while (end < runes.Length && IsTag(runes[end]))
                {
                    end++;
                }

                if (end >= runes.Length || runes[end] != CancelTag)
                {
                    return false;
                }

                i = end + 1;
            }
            else if (IsPicture(value))
            {
                i++;
            }
            else if (value is 0x200D or 0xFE0E or 0xFE0F)
            {
                i++;
                continue;
            }
            else
            {
                return false;
            }

            pictures++;
        }

        return pictures > 0;
    }

    private static bool IsPicture(int value) =>
        value is 0x00A9 or 0x00AE or 0x203C or 0x2049 or 0x2122 or (>= 0x2194 and <= 0x2199) or 0x21A9 or 0x21AA or 0x3030 or 0x303D or 0x3297 or 0x3299
        || (Rune.GetUnicodeCategory(new Rune(value)) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
            && value is (>= 0x2190 and <= 0x2BFF) or (>= 0x1F200 and <= 0x1FAFF) or (>= 0x1F000 and <= 0x1F0FF)
            && value is not (>= 0x2460 and <= 0x24FF));

    private static bool IsRegionalIndicator(int value) => value is >= 0x1F1E6 and <= 0x1F1FF;

    // Tag digits and lower-case tag letters (the only ones subdivision flags use).
    private static bool IsTag(int value) => value is (>= 0xE0030 and <= 0xE0039) or (>= 0xE0061 and <= 0xE007A);
}
