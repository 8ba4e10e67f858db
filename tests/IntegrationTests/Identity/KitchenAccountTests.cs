using System.Net;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Identity;

/// <summary>Seed 001: <c>POST /reg</c>, <c>POST /auth</c>, <c>POST /refresh</c> in the Clicker dialect.</summary>
public sealed class KitchenAccountTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task Reg_and_auth_answer_status_zero_with_tokens()
    {
        var email = Accounts.UniqueName() + "@example.com";
        var reg = await _client.PostAsync("/reg", Body(new { email, password = "strongpassword" }));
        Assert.Equal(HttpStatusCode.OK, reg.StatusCode);
        var json = await reg.ReadJsonAsync();
        AssertProperties(json, "status", "tokens");
        Assert.Equal(0, json.GetProperty("status").GetInt32());
        AssertProperties(json.GetProperty("tokens"), "access_token", "refresh_token");

        var auth = await _client.PostAsync("/auth", Body(new { email, password = "strongpassword" }));
        Assert.Equal(HttpStatusCode.OK, auth.StatusCode);
        var tokens = (await auth.ReadJsonAsync()).GetProperty("tokens");
        var refresh = await _client.PostAsync("/refresh", Body(new { refresh_token = tokens.GetProperty("refresh_token").GetString() }));
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        AssertProperties(await refresh.ReadJsonAsync(), "status", "tokens");
    }

    [Fact]
    public async Task Each_refusal_has_its_own_status_and_http_code()
    {
        var email = Accounts.UniqueName() + "@example.com";
        await _client.PostAsync("/reg", Body(new { email, password = "strongpassword" }));

        await AssertRefusal(await _client.PostAsync("/reg", Body(new { email, password = "strongpassword" })), HttpStatusCode.Conflict, 10);
        await AssertRefusal(await _client.PostAsync("/auth", Body(new { email, password = "wrongpassword" })), HttpStatusCode.Unauthorized, 11);
        await AssertRefusal(await _client.PostAsync("/refresh", Body(new { refresh_token = "forged" })), HttpStatusCode.Unauthorized, 12);
        await AssertRefusal(await _client.PostAsync("/reg", Body(new { email = "broken", password = "strongpassword" })), HttpStatusCode.BadRequest, 1);
        await AssertRefusal(await _client.PostAsync("/reg", Body("{oops")), HttpStatusCode.BadRequest, 1);
    }

    private static async Task AssertRefusal(HttpResponseMessage response, HttpStatusCode status, int clickerStatus)
    {
        Assert.Equal(status, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "status", "message");
        Assert.Equal(clickerStatus, json.GetProperty("status").GetInt32());
    }
}
