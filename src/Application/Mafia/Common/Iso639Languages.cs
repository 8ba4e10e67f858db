using System.Collections.Frozen;

namespace CleanGames.Application.Mafia.Common;

/// <summary>
/// The ISO 639-1 two-letter language codes (the 183 in force; the withdrawn <c>sh</c> is not one), for every Mafia surface that names a
/// language (linguistic ratings, matchmaking languages). A code is matched in lower case only, the way
/// the standard writes it, so each language has one spelling in storage.
/// </summary>
public static class Iso639Languages
{
    private static readonly FrozenSet<string> Codes = new[]
    {
        "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az",
        "ba", "be", "bg", "bi", "bm", "bn", "bo", "br", "bs",
        "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy",
        "da", "de", "dv", "dz",
        "ee", "el", "en", "eo", "es", "et", "eu",
        "fa", "ff", "fi", "fj", "fo", "fr", "fy",
        "ga", "gd", "gl", "gn", "gu", "gv",
        "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz",
        "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu",
        "ja", "jv",
        "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky",
        "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv",
        "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my",
        "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny",
        "oc", "oj", "om", "or", "os",
        "pa", "pi", "pl", "ps", "pt",
        "qu",
        "rm", "rn", "ro", "ru", "rw",
        "sa", "sc", "sd", "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw",
        "ta", "te", "tg", "th", "ti", "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty",
        "ug", "uk", "ur", "uz",
        "ve", "vi", "vo",
        "wa", "wo",
        "xh",
        "yi", "yo",
        "za", "zh", "zu",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How many codes the standard has.</summary>
    public static int Count => Codes.Count;

    /// <summary>True when <paramref name="code"/> is an ISO 639-1 code, in lower case (<c>en</c>, not <c>EN</c> or <c>eng</c>).</summary>
    public static bool IsCode(string? code) => code is { Length: 2 } && Codes.Contains(code);
}
