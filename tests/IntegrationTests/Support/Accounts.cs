using System.Net.Http.Headers;
using System.Text.Json;

namespace CleanGames.IntegrationTests.Support;

/// <summary>Registers and signs in through the real routes, the way a client would.</summary>
public static class Accounts
{
    public static string UniqueName(string prefix = "user") => prefix + Guid.NewGuid().ToString("N")[..10];

    public static async Task<(long AccountId, string Username, string Email, string Password)> RegisterGameClientAsync(this HttpClient client)
    {
        var username = UniqueName();
        var email = username + "@example.com";
        const string password = "correct horse battery";
        var response = await client.PostAsync("/auth/register", Json.Body(new { email, username, password }));
        var json = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return (json.GetProperty("data").GetProperty("account_id").GetInt64(), username, email, password);
    }

    public static async Task<JsonElement> LoginGameClientAsync(this HttpClient client, string username, string password)
    {
        var response = await client.PostAsync("/auth/login", Json.Body(new { username, password }));
        var json = await response.ReadJsonAsync();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json.GetProperty("data");
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
