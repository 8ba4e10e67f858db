using System.Text;
using System.Text.Json;
using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Application.Mafia.Voice.Commands.CreateVoiceRoom;
using CleanGames.Application.Mafia.Voice.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Voice;
using CleanGames.Infrastructure.Mafia.Voice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace CleanGames.UnitTests.Mafia;

/// <summary>The voice join token's claims (LiveKit's access-token format), the <c>Voice</c> options' checks and the create race.</summary>
public sealed class VoiceTests
{
    private const string Secret = "unit-test-voice-secret-of-32-bytes-or-more";
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, 250, TimeSpan.Zero);

    private static VoiceOptions Configured(int? minutes = null)
    {
        var options = new VoiceOptions { Url = "wss://sfu.example", ApiKey = "APIkey123", ApiSecret = Secret };
        if (minutes is { } m)
        {
            options.TokenMinutes = m;
        }

        return options;
    }

    private static JsonElement Payload(string token) =>
        JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1]))).RootElement.Clone();

    [Fact]
    public void The_options_default_to_ten_minute_tokens_and_voice_off()
    {
        var options = new VoiceOptions();
        Assert.Equal(10, options.TokenMinutes);
        Assert.False(options.IsConfigured);
        Assert.True(Configured().IsConfigured);
    }

    [Fact]
    public void A_token_carries_the_livekit_claims_for_one_room()
    {
        var issued = new LiveKitTokenIssuer(Options.Create(Configured())).Issue(new VoiceGrant("7000001", "room-a", CanPublish: true), Now);
        var payload = Payload(issued.Token);

        Assert.Equal(["exp", "iss", "nbf", "sub", "video"], payload.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("APIkey123", payload.GetProperty("iss").GetString());
        Assert.Equal("7000001", payload.GetProperty("sub").GetString());
        var nbf = Now.ToUnixTimeSeconds();
        Assert.Equal(nbf, payload.GetProperty("nbf").GetInt64());
        Assert.Equal(nbf + 600, payload.GetProperty("exp").GetInt64());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(nbf + 600), issued.ExpiresAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(nbf), issued.NotBefore);
        Assert.Equal(
            """{"room":"room-a","roomJoin":true,"canPublish":true,"canSubscribe":true,"canPublishData":true}""",
            payload.GetProperty("video").GetRawText());
        Assert.False(payload.TryGetProperty("aud", out _));

        var header = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(issued.Token.Split('.')[0]))).RootElement;
        Assert.Equal("HS256", header.GetProperty("alg").GetString());
    }

    [Fact]
    public void A_listen_only_grant_may_neither_publish_nor_send_data_and_the_lifetime_follows_the_options()
    {
        var issued = new LiveKitTokenIssuer(Options.Create(Configured(minutes: 3))).Issue(new VoiceGrant("42", "room-b", CanPublish: false), Now);
        var payload = Payload(issued.Token);

        Assert.Equal(
            """{"room":"room-b","roomJoin":true,"canPublish":false,"canSubscribe":true,"canPublishData":false}""",
            payload.GetProperty("video").GetRawText());
        Assert.Equal(180, payload.GetProperty("exp").GetInt64() - payload.GetProperty("nbf").GetInt64());
    }

    [Fact]
    public async Task The_token_verifies_under_the_api_secret_only()
    {
        var token = new LiveKitTokenIssuer(Options.Create(Configured())).Issue(new VoiceGrant("1", "r", true), DateTimeOffset.UtcNow).Token;

        Task<TokenValidationResult> Validate(string secret) => new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "APIkey123",
            ValidateAudience = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
        });

        Assert.True((await Validate(Secret)).IsValid);
        Assert.False((await Validate("another-secret-that-is-also-32-bytes-long")).IsValid);
    }

    [Theory]
    [InlineData("wss://sfu.example", "key", null, "together")]
    [InlineData(null, "key", Secret, "together")]
    [InlineData("wss://sfu.example", "key", "too-short-secret", "32 bytes")]
    [InlineData("not a url", "key", Secret, "absolute")]
    [InlineData("ftp://sfu.example", "key", Secret, "absolute")]
    public void A_partial_or_weak_voice_configuration_is_refused(string? url, string? key, string? secret, string complaint)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Voice:Url"] = url, ["Voice:ApiKey"] = key, ["Voice:ApiSecret"] = secret }));
        Assert.Contains(complaint, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    public void Token_minutes_are_one_to_sixty(string minutes)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Voice:TokenMinutes"] = minutes }));
        Assert.Contains("Voice:TokenMinutes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_voice_configuration_at_all_is_valid_and_turns_voice_off()
    {
        Assert.False(Resolve([]).IsConfigured);
        Assert.True(Resolve(new() { ["Voice:Url"] = "https://sfu.example", ["Voice:ApiKey"] = "k", ["Voice:ApiSecret"] = Secret, ["Voice:TokenMinutes"] = "60" }).IsConfigured);
    }

    private static VoiceOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddVoice();
        return services.BuildServiceProvider().GetRequiredService<IOptions<VoiceOptions>>().Value;
    }

    [Fact]
    public async Task A_create_that_loses_the_race_for_the_unique_game_answers_the_winner_s_room()
    {
        var gameId = Guid.NewGuid();
        var winner = VoiceRoom.Open(gameId, 2, Now);
        var rooms = new Mock<IRepository<VoiceRoom>>();
        rooms.SetupSequence(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<VoiceRoom>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VoiceRoom?)null)
            .ReturnsAsync(winner);
        rooms.Setup(r => r.AddAsync(It.IsAny<VoiceRoom>(), It.IsAny<CancellationToken>())).ReturnsAsync((VoiceRoom r, CancellationToken _) => r);
        var unitOfWork = new Mock<IUnitOfWork>();
        unitOfWork.Setup(u => u.SaveChangesAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new DuplicateKeyException());
        var clock = new Mock<IClock>();
        clock.SetupGet(c => c.UtcNow).Returns(Now);

        var created = await new CreateVoiceRoomCommandHandler(rooms.Object, Access(alive: true), unitOfWork.Object, clock.Object)
            .Handle(new CreateVoiceRoomCommand(gameId.ToString()), default);

        Assert.Equal(winner.Id.ToString(), created.RoomId);
        unitOfWork.Verify(u => u.DiscardChanges(), Times.Once);
    }

    [Fact]
    public async Task A_create_for_a_game_the_caller_does_not_play_in_is_refused_before_anything_is_added()
    {
        var rooms = new Mock<IRepository<VoiceRoom>>();
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            new CreateVoiceRoomCommandHandler(rooms.Object, Access(alive: null), Mock.Of<IUnitOfWork>(), Mock.Of<IClock>())
                .Handle(new CreateVoiceRoomCommand(Guid.NewGuid().ToString()), default));

        Assert.Equal("mafia.game.not_a_player", error.Code);
        rooms.Verify(r => r.AddAsync(It.IsAny<VoiceRoom>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private static VoiceAccess Access(bool? alive)
    {
        var games = new Mock<IReadRepository<Game>>();
        games.Setup(g => g.FirstOrDefaultAsync(It.IsAny<ISpecification<Game, VoiceSeatRow>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VoiceSeatRow(Ended: false, alive));
        var standing = new Mock<IPlayerStanding>();
        standing.Setup(s => s.OfAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync(PlayerStanding.Clear);
        var user = new Mock<ICurrentUser>();
        user.SetupGet(u => u.AccountId).Returns(1);
        return new VoiceAccess(games.Object, standing.Object, user.Object, Options.Create(Configured()));
    }
}
