using System.Security.Cryptography;
using System.Text;
using CleanGames.Application.Identity.Commands.SignInWithTelegram;
using CleanGames.Domain.Common;
using CleanGames.Infrastructure.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CleanGames.UnitTests.Infrastructure;

public sealed class TelegramLoginVerifierTests
{
    private const string BotToken = "42:unit-test-token";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static TelegramLoginVerifier Verifier(string? botToken = BotToken)
    {
        var options = new Mock<IOptionsMonitor<TelegramOptions>>();
        options.SetupGet(o => o.CurrentValue).Returns(new TelegramOptions { BotToken = botToken, AuthMaxAgeSeconds = 60 });
        return new TelegramLoginVerifier(options.Object, new FakeTimeProvider(Now));
    }

    private static TelegramProof.Widget Widget(params (string Key, string Value)[] fields)
    {
        var dataCheck = string.Join('\n', fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(BotToken)), Encoding.UTF8.GetBytes(dataCheck)));
        return new TelegramProof.Widget(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList(), hash);
    }

    [Fact]
    public void A_correct_widget_proof_yields_the_identity()
    {
        var proof = Widget(("id", "7"), ("first_name", "Ann"), ("auth_date", Now.ToUnixTimeSeconds().ToString()));
        var verified = Verifier().Verify(proof);
        Assert.NotNull(verified);
        Assert.Equal(7, verified.User.TelegramId);
        Assert.Equal("Ann", verified.User.FirstName);
        Assert.Equal(proof.Hash, verified.Hash);
    }

    [Fact]
    public void A_verified_proof_expires_when_its_auth_date_grows_too_old()
    {
        var authDate = Now.AddSeconds(-20);
        var verified = Verifier().Verify(Widget(("id", "7"), ("auth_date", authDate.ToUnixTimeSeconds().ToString())));
        Assert.Equal(authDate.AddSeconds(60), verified!.ExpiresAt);
    }

    [Fact]
    public void Upper_case_hex_is_the_same_hash()
    {
        var proof = Widget(("id", "7"), ("auth_date", Now.ToUnixTimeSeconds().ToString()));
        var verified = Verifier().Verify(proof with { Hash = proof.Hash!.ToUpperInvariant() });
        Assert.NotNull(verified);
        // One spelling per proof, so a replay cannot pass as a new proof by changing case.
        Assert.Equal(proof.Hash, verified.Hash);
    }

    [Fact]
    public void Duplicate_keys_are_refused()
    {
        var proof = Widget(("id", "7"), ("auth_date", Now.ToUnixTimeSeconds().ToString()));
        var duplicated = proof with { Fields = [.. proof.Fields, new("id", "8")] };
        Assert.Null(Verifier().Verify(duplicated));
    }

    [Fact]
    public void An_auth_date_older_than_the_limit_is_refused()
    {
        Assert.Null(Verifier().Verify(Widget(("id", "7"), ("auth_date", Now.AddSeconds(-61).ToUnixTimeSeconds().ToString()))));
    }

    [Fact]
    public void Without_a_bot_token_the_verifier_reports_the_service_unavailable()
    {
        var error = Assert.Throws<DomainException>(() => Verifier(botToken: " ").Verify(new TelegramProof.MiniApp("a=b")));
        Assert.Equal(ErrorKind.Unavailable, error.Kind);
    }

    [Fact]
    public void Init_data_without_a_user_is_refused_even_when_signed()
    {
        var authDate = Now.ToUnixTimeSeconds().ToString();
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(BotToken));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"auth_date={authDate}")));
        Assert.Null(Verifier().Verify(new TelegramProof.MiniApp($"auth_date={authDate}&hash={hash}")));
    }
}
