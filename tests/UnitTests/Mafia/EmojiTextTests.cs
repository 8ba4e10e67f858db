using CleanGames.Domain.Mafia.Games;

namespace CleanGames.UnitTests.Mafia;

public sealed class EmojiTextTests
{
    [Theory]
    [InlineData("🔥")]
    [InlineData("👍🏽")]
    [InlineData("👨‍👩‍👧‍👦")]
    [InlineData("❤️")]
    [InlineData("🇺🇦")]
    [InlineData("🏴󠁧󠁢󠁳󠁣󠁴󠁿")]
    [InlineData("😂😂😂")]
    [InlineData("☕")]
    [InlineData("↔️")]
    [InlineData("‼️")]
    [InlineData("〰️")]
    public void Pictures_are_emoji(string text) => Assert.True(EmojiText.IsEmoji(text));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("ok")]
    [InlineData("8000003")]
    [InlineData("🔥 is mafia")]
    [InlineData("1️⃣")]
    [InlineData("⑧")]
    [InlineData("^")]
    [InlineData("\u200D")]
    [InlineData("\uFE0F")]
    [InlineData("🇦")]
    [InlineData("🇺🇦🇦")]
    [InlineData("Ⓐ")]
    [InlineData("🄰")]
    [InlineData("🔥\U000E0038\U000E0030\U000E0030")]
    [InlineData("🏴\U000E0067\U000E0062")]
    [InlineData(null)]
    public void Letters_digits_and_joiners_alone_are_not(string? text) => Assert.False(EmojiText.IsEmoji(text));
}
