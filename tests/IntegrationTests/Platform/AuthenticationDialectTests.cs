using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CleanGames.IntegrationTests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>401 and 403, from the bearer handler, [Authorize] and request authorization, in each dialect.</summary>
public sealed class AuthenticationDialectTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    public static TheoryData<string, string[]> Dialects => new()
    {
        { "fastapi", ["detail"] },
        { "clicker", ["status", "message"] },
        { "gateway", ["success", "detail"] },
        { "novels", ["error", "meta"] },
    };

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task No_token_is_401_in_the_dialect_with_a_bearer_challenge(string dialect, string[] shape)
    {
        var response = await host.CreateClient().GetAsync($"/test/{dialect}/secure");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        AssertProperties(await response.ReadJsonAsync(), shape);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_forged_token_is_401_in_the_dialect(string dialect, string[] shape)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge(signingKey: "a-completely-different-key-that-nobody-should-trust-000"));
        var response = await client.GetAsync($"/test/{dialect}/secure");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertProperties(await response.ReadJsonAsync(), shape);
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_missing_role_is_403_in_the_dialect(string dialect, string[] shape)
    {
        var client = host.CreateClientFor(42, "user");
        var response = await client.GetAsync($"/test/{dialect}/admin");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertProperties(await response.ReadJsonAsync(), shape);

        var command = await client.GetAsync($"/test/{dialect}/admin-command");
        Assert.Equal(HttpStatusCode.Forbidden, command.StatusCode);
        AssertProperties(await command.ReadJsonAsync(), shape);
    }

    [Fact]
    public async Task Request_authorization_challenges_anonymous_callers()
    {
        var response = await host.CreateClient().GetAsync("/test/novels/admin-command");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHORIZED", (await response.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_valid_token_with_the_role_passes_both_checks()
    {
        var client = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/fastapi/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/fastapi/admin-command")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/test/fastapi/secure")).StatusCode);
    }

    [Fact]
    public async Task Expired_tokens_and_tokens_for_another_audience_are_rejected()
    {
        var expired = host.CreateClient();
        expired.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge(CleanGamesHost.SigningKey, expires: host.Clock.GetUtcNow().AddMinutes(-5)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await expired.GetAsync("/test/fastapi/secure")).StatusCode);

        var otherAudience = host.CreateClient();
        otherAudience.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge(CleanGamesHost.SigningKey, audience: "someone-else"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherAudience.GetAsync("/test/fastapi/secure")).StatusCode);

        var valid = host.CreateClient();
        valid.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge(CleanGamesHost.SigningKey));
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/test/fastapi/secure")).StatusCode);
    }

    private string Forge(string signingKey, string audience = "cleangames", DateTimeOffset? expires = null)
    {
        var now = host.Clock.GetUtcNow();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "cleangames",
            Audience = audience,
            Claims = new Dictionary<string, object> { ["sub"] = "42", ["role"] = "admin" },
            IssuedAt = now.AddMinutes(-10).UtcDateTime,
            NotBefore = now.AddMinutes(-10).UtcDateTime,
            Expires = (expires ?? now.AddMinutes(10)).UtcDateTime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
