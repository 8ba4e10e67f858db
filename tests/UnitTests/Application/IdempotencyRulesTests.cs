using System.Security.Cryptography;
using System.Text;
using CleanGames.Application.Common.Idempotency;

namespace CleanGames.UnitTests.Application;

public sealed class IdempotencyRulesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("3f2c9a1e-7d4b-4c55-9a0e-6b1d2f8c4e71")]
    [InlineData("order 42/retry:1 ~!")]
    public void Printable_ascii_keys_up_to_255_characters_are_accepted(string key)
    {
        Assert.Null(IdempotencyRules.ProblemWith(key));
        Assert.Null(IdempotencyRules.ProblemWith(new string('k', IdempotencyRules.MaxKeyLength)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\there")]
    [InlineData("caf\u00e9")]
    [InlineData("line\nbreak")]
    [InlineData("\u007f")]
    public void Empty_and_non_printable_keys_are_refused_with_a_reason(string key)
    {
        Assert.Contains("Idempotency-Key", IdempotencyRules.ProblemWith(key));
    }

    [Fact]
    public void A_key_longer_than_255_characters_is_refused()
    {
        Assert.Contains("255", IdempotencyRules.ProblemWith(new string('k', IdempotencyRules.MaxKeyLength + 1)));
    }

    [Fact]
    public void The_route_is_the_method_and_the_template_with_its_values()
    {
        var values = new Dictionary<string, string> { ["lobbyId"] = "AB12", ["id"] = "7", ["rest"] = "x/y" };
        string? Value(string name) => values.GetValueOrDefault(name);

        Assert.Equal("POST /api/matchmaking/lobby/create", IdempotencyRules.RouteOf("post", "api/matchmaking/lobby/create", Value));
        Assert.Equal("POST /api/matchmaking/lobby/AB12/ready", IdempotencyRules.RouteOf("POST", "api/matchmaking/lobby/{lobbyId}/ready", Value));
        Assert.Equal("PUT /api/items/7/x/y", IdempotencyRules.RouteOf("PUT", "/api/items/{id:long}/{**rest}", Value));
        Assert.Equal("POST /api/items/", IdempotencyRules.RouteOf("POST", "api/items/{missing?}", Value));
    }

    [Fact]
    public async Task The_fingerprint_is_sha256_of_the_query_a_zero_byte_and_the_body()
    {
        var body = Encoding.UTF8.GetBytes("{\"amount\":10}");
        var expected = SHA256.HashData([.. Encoding.UTF8.GetBytes("?to=5"), 0, .. body]);

        Assert.Equal(expected, await IdempotencyRules.FingerprintAsync("?to=5", new MemoryStream(body), default));
    }

    [Fact]
    public async Task Another_body_or_another_query_is_another_fingerprint()
    {
        async Task<byte[]> Of(string? query, string body) => await IdempotencyRules.FingerprintAsync(query, new MemoryStream(Encoding.UTF8.GetBytes(body)), default);

        var first = await Of("", "{\"amount\":10}");
        Assert.Equal(first, await Of(null, "{\"amount\":10}"));
        Assert.NotEqual(first, await Of("", "{\"amount\":11}"));
        Assert.NotEqual(first, await Of("", "{\"amount\": 10}"));
        Assert.NotEqual(first, await Of("?a=1", "{\"amount\":10}"));

        // The separator keeps a query from passing for the start of a body.
        Assert.NotEqual(await Of("?a", "b"), await Of("?ab", ""));
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, true)]
    [InlineData(204, true)]
    [InlineData(400, true)]
    [InlineData(404, true)]
    [InlineData(409, true)]
    [InlineData(422, true)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(408, false)]
    [InlineData(429, false)]
    [InlineData(499, false)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    public void Successes_and_decided_client_errors_are_kept_faults_and_waits_are_not(int status, bool stored)
    {
        Assert.Equal(stored, IdempotencyRules.IsStored(status));
    }
}
