using CleanGames.Domain.Common.Text;

namespace CleanGames.UnitTests.Domain;

/// <summary>
/// NFKC as UAX #15 defines it; each expected form was produced by Python's
/// <c>unicodedata.normalize("NFKC", …)</c> on the same Unicode version as the tables.
/// </summary>
public sealed class NfkcTests
{
    [Theory]
    [InlineData("\u0418\u0433\u0440\u043E\u043A\u005F\u0031", "\u0418\u0433\u0440\u043E\u043A\u005F\u0031")]
    [InlineData("\u0415\u0308\u0436\u002E\u0438\u043A\u002D\u0039", "\u0401\u0436\u002E\u0438\u043A\u002D\u0039")]
    [InlineData("\uFF50\uFF4C\uFF41\uFF59\uFF45\uFF52\uFF3F\uFF17", "\u0070\u006C\u0061\u0079\u0065\u0072\u005F\u0037")]
    [InlineData("\uFB01\u006E\u0061\u006C", "\u0066\u0069\u006E\u0061\u006C")]
    [InlineData("\u0078\u00B2", "\u0078\u0032")]
    [InlineData("\u210C\U0001D400\U0001D505", "\u0048\u0041\u0042")]
    [InlineData("\u2460\u2461", "\u0031\u0032")]
    [InlineData("\uFDFA", "\u0635\u0644\u0649\u0020\u0627\u0644\u0644\u0647\u0020\u0639\u0644\u064A\u0647\u0020\u0648\u0633\u0644\u0645")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("\uAC00\u11A8", "\uAC01")]
    [InlineData("\u1100\u1161", "\uAC00")]
    [InlineData("\uD55C\uAD6D\uC5B4", "\uD55C\uAD6D\uC5B4")]
    [InlineData("\u0056\u0069\u0065\u0323\u0302\u0074", "\u0056\u0069\u1EC7\u0074")]
    [InlineData("\u0056\u0069\u0065\u0302\u0323\u0074", "\u0056\u0069\u1EC7\u0074")]
    [InlineData("\u0061\u0301\u0323", "\u1EA1\u0301")]
    [InlineData("\u0061\u0323\u0301", "\u1EA1\u0301")]
    [InlineData("\u0958", "\u0915\u093C")]
    [InlineData("\u0915\u093C", "\u0915\u093C")]
    [InlineData("\u0344", "\u0308\u0301")]
    [InlineData("\u0065\u0308\u0301", "\u00EB\u0301")]
    [InlineData("\u1E9B\u0323", "\u1E69")]
    [InlineData("\u0041\u030A\u0301", "\u01FA")]
    [InlineData("\u00C5", "\u00C5")]
    [InlineData("\u03A9", "\u03A9")]
    [InlineData("\u004B", "\u004B")]
    [InlineData("\u00A0\u0078", "\u0020\u0078")]
    [InlineData("\u03D3", "\u038E")]
    [InlineData("\u2126\u0301", "\u038F")]
    [InlineData("\u0B47\u0300\u0B3E", "\u0B47\u0300\u0B3E")]
    [InlineData("\u0B47\u0B3E", "\u0B4B")]
    [InlineData("\u1100\u0300\u1161", "\u1100\u0300\u1161")]
    [InlineData("\u0301\u0061", "\u0301\u0061")]
    [InlineData("\u01C4\u0065\u006D\u0061\u006C", "\u0044\u017D\u0065\u006D\u0061\u006C")]
    [InlineData("\uFF8A\uFF9F", "\u30D1")]
    [InlineData("\uFF76\uFF9E", "\u30AC")]
    [InlineData("\u337F", "\u682A\u5F0F\u4F1A\u793E")]
    [InlineData("\u2163", "\u0049\u0056")]
    [InlineData("\u017F\u0074", "\u0073\u0074")]
    [InlineData("\u031B\u05B4\uAC00\u0300\u1175\u0041\u1112\u0915", "\u05B4\u031B\uAC00\u0300\u1175\u0041\u1112\u0915")]
    [InlineData("\u03B1\u00A0\u309A\u0323\u0627", "\u03B1\u0020\u309A\u0323\u0627")]
    [InlineData("\U0001D400", "\u0041")]
    [InlineData("\u2460\u1112\u0301", "\u0031\u1112\u0301")]
    [InlineData("\u0308\u0065\u3099\u0303\u004F\u05D0", "\u0308\u1EBD\u3099\u004F\u05D0")]
    [InlineData("\u11C2\u0055\u0061\u0065\u05D0\u0323", "\u11C2\u0055\u0061\u0065\u05D0\u0323")]
    [InlineData("\uFB01\u2460", "\u0066\u0069\u0031")]
    [InlineData("\uFB01\u0435", "\u0066\u0069\u0435")]
    [InlineData("\u1161\U0001D400\u0627\u0301\u0065\u0627\u0301\u05D0\u0055", "\u1161\u0041\u0627\u0301\u0065\u0627\u0301\u05D0\u0055")]
    [InlineData("\u309A\uFF21\u309A\u0915\u0915\u309A\u1175", "\u309A\u0041\u309A\u0915\u0915\u309A\u1175")]
    [InlineData("\u0061\u03B1\u0055\u0303\u0328\uAC00\u1112\u1175\u1100", "\u0061\u03B1\u0172\u0303\uAC00\uD788\u1100")]
    [InlineData("\u0328\u0327", "\u0328\u0327")]
    [InlineData("\u1112\u1112\u05D0\u3099\u05D0\u0302", "\u1112\u1112\u05D0\u3099\u05D0\u0302")]
    [InlineData("\u1175", "\u1175")]
    [InlineData("\u0045\u05B4\u0061\u0323\uFB01\u0045\u1175", "\u0045\u05B4\u1EA1\u0066\u0069\u0045\u1175")]
    [InlineData("\u309A\u0418\u0627\u0323", "\u309A\u0418\u0627\u0323")]
    [InlineData("\u004F\u031B\u0045", "\u01A0\u0045")]
    [InlineData("\u031B\u093C\uAC00\u309A\u0345\u0065\u05D0", "\u093C\u031B\uAC00\u309A\u0345\u0065\u05D0")]
    [InlineData("\u1112\u0308\u11A8\u0306\u00A0\u0915\u0915\u0327", "\u1112\u0308\u11A8\u0306\u0020\u0915\u0915\u0327")]
    [InlineData("\u00A0\u0627\u1112", "\u0020\u0627\u1112")]
    [InlineData("\u0303\u0323\u309A", "\u309A\u0323\u0303")]
    [InlineData("\u031B", "\u031B")]
    [InlineData("\u0302\u0327\u0041\u05D0\u0045\u0327", "\u0327\u0302\u0041\u05D0\u0228")]
    [InlineData("\u1112\u0654", "\u1112\u0654")]
    [InlineData("\u0300\u0061\u1161\u031B\u0345\u0415\u0323\u05B4\u05D0", "\u0300\u0061\u1161\u031B\u0345\u0415\u05B4\u0323\u05D0")]
    [InlineData("\u093C\u0345\uAC00\u0328\u2460\u0301\u2460\u0306", "\u093C\u0345\uAC00\u0328\u0031\u0301\u0031\u0306")]
    [InlineData("\u05D0\u0345\u2460\u0308\u0306\u05B4", "\u05D0\u0345\u0031\u05B4\u0308\u0306")]
    [InlineData("\u0061\u0041\u0061\u0435\u0627", "\u0061\u0041\u0061\u0435\u0627")]
    [InlineData("\uFF21\u0435\u0327\u0303\uFB01", "\u0041\u0435\u0327\u0303\u0066\u0069")]
    [InlineData("\u0065\u0627\u3099\U0001D400\u0328\u0045\uFF21\uFB01", "\u0065\u0627\u3099\u0104\u0045\u0041\u0066\u0069")]
    [InlineData("\u11C2\u0303", "\u11C2\u0303")]
    [InlineData("\uAC00\u1112\u0345\u1175\u3099\u0301\u0061\u0300\u0061", "\uAC00\u1112\u0345\u1175\u3099\u0301\u00E0\u0061")]
    [InlineData("\u004F", "\u004F")]
    [InlineData("\u0654\u0303\u1175\u0418\uAC00\u0303\u1100", "\u0654\u0303\u1175\u0418\uAC00\u0303\u1100")]
    [InlineData("\u0654\u093C\U0001D400\U0001D400\u0415", "\u093C\u0654\u0041\u0041\u0415")]
    [InlineData("\u0654\u309A\u11C2\u304B", "\u309A\u0654\u11C2\u304B")]
    [InlineData("\u004F\uFF21\uAC00\u1161", "\u004F\u0041\uAC00\u1161")]
    [InlineData("\u11A8\u0300", "\u11A8\u0300")]
    [InlineData("\u1100\u1100", "\u1100\u1100")]
    public void Text_is_brought_to_normalization_form_KC(string text, string expected)
    {
        Assert.Equal(expected, Nfkc.Normalize(text));
    }

    [Fact]
    public void Ascii_comes_back_as_the_same_string()
    {
        const string text = "player_7.name-x";
        Assert.Same(text, Nfkc.Normalize(text));
    }

    [Fact]
    public void An_unpaired_surrogate_stays_where_it_was()
    {
        Assert.Equal("a\uD800\u00C5", Nfkc.Normalize("a\uD800A\u030A"));
    }

    [Fact]
    public void A_long_run_of_marks_is_put_in_order_without_losing_any()
    {
        var marks = string.Concat(Enumerable.Repeat("\u0301\u0323", 100_000));
        var normalized = Nfkc.Normalize("a" + marks);
        Assert.Equal(200_000, normalized.Length);
        Assert.Equal("\u1EA1", normalized[..1]);
        Assert.Equal(100_000, normalized.Count(c => c == '\u0301'));
    }
}
