using System.Text;

namespace CleanGames.Domain.Novels.Chapters;

/// <summary>How long a chapter is to read.</summary>
public static class ChapterText
{
    public const int WordsPerMinute = 200;

    /// <summary>
    /// Words separated by whitespace; CJK characters (Han, kana, Hangul, their punctuation excluded)
    /// count one each, because those scripts write words without spaces: "我爱你" is 3, "Hello 世界" is 3.
    /// </summary>
    public static int WordCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsCjkPunctuation(rune.Value))
            {
                inWord = false;
            }
            else if (IsCjk(rune.Value))
            {
                count++;
                inWord = false;
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                inWord = false;
            }
            else if (!inWord)
            {
                count++;
                inWord = true;
            }
        }

        return count;
    }

    /// <summary>⌈words / 200⌉, at least one minute.</summary>
    public static int ReadingMinutes(int wordCount) => Math.Max(1, (wordCount + WordsPerMinute - 1) / WordsPerMinute);

    // Punctuation of these scripts separates like a space: 、。「」 (U+3000–U+303F) and the full-width
    // punctuation among U+FF01–U+FF65 (full-width letters and digits are words).
    private static bool IsCjkPunctuation(int c) =>
        c is (>= 0x3000 and <= 0x303F) or (>= 0xFF01 and <= 0xFF0F) or (>= 0xFF1A and <= 0xFF20) or (>= 0xFF3B and <= 0xFF40) or (>= 0xFF5B and <= 0xFF65);

    private static bool IsCjk(int c) =>
        c is (>= 0x4E00 and <= 0x9FFF) // CJK unified ideographs
            or (>= 0x3400 and <= 0x4DBF) // extension A
            or (>= 0x20000 and <= 0x323AF) // extensions B–H
            or (>= 0xF900 and <= 0xFAFF) // compatibility ideographs
            or (>= 0x3040 and <= 0x309F) // hiragana
            or (>= 0x30A0 and <= 0x30FF) // katakana
            or (>= 0x31F0 and <= 0x31FF) // katakana extensions
            or (>= 0xFF66 and <= 0xFF9F) // half-width katakana
            or (>= 0xAC00 and <= 0xD7AF) // Hangul syllables
            or (>= 0x1100 and <= 0x11FF) // Hangul jamo
            or (>= 0x3130 and <= 0x318F); // Hangul compatibility jamo
}
