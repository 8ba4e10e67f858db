using System.Globalization;
using System.Text;

namespace CleanGames.Domain.Mafia.Games;

/// <summary>
/// An emoji reaction is pictures only: no letters and no digits, so it cannot carry a name, a
/// seat or an account id past the chat rules. Accepted are the emoji blocks' symbols (faces,
/// gestures, objects, flags, the older dingbats and arrows), skin tones, the zero-width joiner
/// of combined emoji, variation selectors and the tags of subdivision flags.
/// </summary>
public static class EmojiText
{
    public const int MaxLength = 16;

    public static bool IsEmoji(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var pictures = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsPicture(rune))
            {
                pictures++;
            }
            else if (!IsJoiner(rune.Value))
            {
                return false;
            }
        }

        return pictures > 0;
    }

    private static bool IsPicture(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol
        && rune.Value is (>= 0x2190 and <= 0x2BFF) or (>= 0x1F000 and <= 0x1FAFF) or 0x00A9 or 0x00AE or 0x2122 or 0x3030 or 0x303D or 0x3297 or 0x3299;

    // Zero-width joiner, variation selectors 15 and 16, and the tag characters of subdivision flags.
    private static bool IsJoiner(int value) => value is 0x200D or 0xFE0E or 0xFE0F or (>= 0xE0020 and <= 0xE007F);
}
