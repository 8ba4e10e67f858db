using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>Each dialect's success and error envelopes, exactly as its seed writes them.</summary>
public sealed class DialectTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task FastApi_success_is_the_model_itself_in_snake_case_with_nulls_present()
    {
        var response = await _client.GetAsync("/test/fastapi/ok");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "name", "missing", "count");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("missing").ValueKind);
        Assert.Equal(3, json.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task FastApi_errors_are_detail_strings_with_the_right_status()
    {
        await AssertFastApiError("/test/fastapi/not-found", HttpStatusCode.NotFound, "No such probe.");
        await AssertFastApiError("/test/fastapi/conflict", HttpStatusCode.Conflict, "Already there.");
        await AssertFastApiError("/test/fastapi/domain", HttpStatusCode.BadRequest, "That breaks a rule.");
        await AssertFastApiError("/test/fastapi/bare-not-found", HttpStatusCode.NotFound, "Not Found");
        await AssertFastApiError("/api/no-such-route", HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task FastApi_validation_is_422_with_loc_msg_type()
    {
        var response = await _client.PostAsync("/test/fastapi/body", Body("""{"name": "x", "count": "three"}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail");
        var item = Assert.Single(detail.EnumerateArray());
        AssertProperties(item, "loc", "msg", "type");
        Assert.Equal(["body", "count"], item.GetProperty("loc").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task FastApi_missing_field_and_malformed_json_are_422()
    {
        var missing = await _client.PostAsync("/test/fastapi/body", Body("""{"count": 2}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var item = (await missing.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal("missing", item.GetProperty("type").GetString());
        Assert.Contains("name", item.GetProperty("loc").EnumerateArray().Select(e => e.ToString()));

        var malformed = await _client.PostAsync("/test/fastapi/body", Body("""{"name": "x", "count": """));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await malformed.ReadJsonAsync()).GetProperty("detail").ValueKind);
    }

    [Fact]
    public async Task FastApi_path_and_query_type_errors_name_their_location()
    {
        var response = await _client.GetAsync("/test/fastapi/items/5?page=abc");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var item = (await response.ReadJsonAsync()).GetProperty("detail")[0];
        Assert.Equal(["query", "page"], item.GetProperty("loc").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    [Fact]
    public async Task FluentValidation_failures_come_out_in_the_route_dialect()
    {
        var fastApi = await _client.PostAsync("/test/fastapi/command", Body("""{"name": "", "count": 99}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fastApi.StatusCode);
        var locs = (await fastApi.ReadJsonAsync()).GetProperty("detail").EnumerateArray()
            .Select(e => string.Join('.', e.GetProperty("loc").EnumerateArray().Select(l => l.ToString()))).ToArray();
        Assert.Equal(["body.count", "body.name"], locs.Order().ToArray());

        var novels = await _client.PostAsync("/test/novels/command", Body("""{"name": "", "count": 5}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, novels.StatusCode);
        var error = (await novels.ReadJsonAsync()).GetProperty("error");
        Assert.Equal("VALIDATION_ERROR", error.GetProperty("code").GetString());
        var detail = Assert.Single(error.GetProperty("details").EnumerateArray());
        AssertProperties(detail, "field", "message");
        Assert.Equal("name", detail.GetProperty("field").GetString());

        var ok = await _client.PostAsync("/test/gateway/command", Body("""{"name": "n", "count": 5}"""));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True((await ok.ReadJsonAsync()).GetProperty("success").GetBoolean());
    }

    [Fact]
    public async Task Clicker_success_merges_status_zero_into_the_model()
    {
        var json = await (await _client.GetAsync("/test/clicker/ok")).ReadJsonAsync();
        AssertProperties(json, "status", "name", "missing", "count");
        Assert.Equal(0, json.GetProperty("status").GetInt32());

        var empty = await (await _client.GetAsync("/test/clicker/empty")).ReadJsonAsync();
        AssertProperties(empty, "status");
    }

    [Fact]
    public async Task Clicker_errors_carry_a_non_zero_status_and_a_message()
    {
        await AssertClickerError("/test/clicker/not-found", HttpStatusCode.NotFound, 4);
        await AssertClickerError("/test/clicker/conflict", HttpStatusCode.Conflict, 5);
        await AssertClickerError("/test/clicker/domain", HttpStatusCode.BadRequest, 6);

        var invalid = await _client.PostAsync("/test/clicker/body", Body("{not json"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var json = await invalid.ReadJsonAsync();
        AssertProperties(json, "status", "message");
        Assert.Equal(1, json.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Gateway_success_and_error_envelopes()
    {
        var ok = await (await _client.GetAsync("/test/gateway/ok")).ReadJsonAsync();
        AssertProperties(ok, "success", "data");
        Assert.True(ok.GetProperty("success").GetBoolean());
        AssertProperties(ok.GetProperty("data"), "name", "missing", "count");

        var conflict = await _client.GetAsync("/test/gateway/conflict");
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var error = await conflict.ReadJsonAsync();
        AssertProperties(error, "success", "detail");
        Assert.False(error.GetProperty("success").GetBoolean());
        Assert.Equal("Already there.", error.GetProperty("detail").GetString());

        var invalid = await _client.PostAsync("/test/gateway/body", Body("""{"name": 5, "count": 1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        AssertProperties(await invalid.ReadJsonAsync(), "success", "detail");

        var unknown = await _client.PostAsync("/auth/nothing-here", Body("{}"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        AssertProperties(await unknown.ReadJsonAsync(), "success", "detail");
    }

    [Fact]
    public async Task Novels_success_carries_meta_with_timestamp_and_version()
    {
        var json = await (await _client.GetAsync("/test/novels/ok")).ReadJsonAsync();
        AssertProperties(json, "data", "meta");
        AssertProperties(json.GetProperty("meta"), "timestamp", "version");
        Assert.Equal("1.0", json.GetProperty("meta").GetProperty("version").GetString());
        Assert.True(DateTimeOffset.TryParse(json.GetProperty("meta").GetProperty("timestamp").GetString(), out _));
    }

    [Fact]
    public async Task Novels_pages_carry_pagination()
    {
        var json = await (await _client.GetAsync("/test/novels/page")).ReadJsonAsync();
        AssertProperties(json, "data", "pagination", "meta");
        Assert.Equal(2, json.GetProperty("data").GetArrayLength());
        var pagination = json.GetProperty("pagination");
        AssertProperties(pagination, "current_page", "per_page", "total_pages", "total_items", "has_next", "has_prev");
        Assert.Equal(2, pagination.GetProperty("current_page").GetInt32());
        Assert.Equal(3, pagination.GetProperty("total_pages").GetInt32());
        Assert.Equal(5, pagination.GetProperty("total_items").GetInt64());
        Assert.True(pagination.GetProperty("has_next").GetBoolean());
        Assert.True(pagination.GetProperty("has_prev").GetBoolean());
    }

    [Fact]
    public async Task Novels_errors_carry_code_message_details_and_the_request_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/novels/not-found");
        request.Headers.Add("X-Request-Id", "req_novels_1");
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "error", "meta");
        AssertProperties(json.GetProperty("error"), "code", "message", "details");
        AssertProperties(json.GetProperty("meta"), "timestamp", "request_id");
        Assert.Equal("NOT_FOUND", json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("req_novels_1", json.GetProperty("meta").GetProperty("request_id").GetString());

        var limited = await _client.GetAsync("/test/novels/limited");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("7", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal("RATE_LIMIT_EXCEEDED", (await limited.ReadJsonAsync()).GetProperty("error").GetProperty("code").GetString());

        var unknown = await _client.GetAsync("/api/v1/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        AssertProperties(await unknown.ReadJsonAsync(), "error", "meta");
    }

    [Fact]
    public async Task Routes_without_a_seed_answer_problem_details()
    {
        var response = await _client.GetAsync("/test/problem/not-found");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.ReadJsonAsync();
        Assert.Equal(404, json.GetProperty("status").GetInt32());
        Assert.Equal("probe.not_found", json.GetProperty("code").GetString());
        Assert.Equal("No such probe.", json.GetProperty("detail").GetString());

        var invalid = await _client.PostAsync("/test/problem/command", Body("""{"name": "", "count": 1}"""));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True((await invalid.ReadJsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
    }

    [Theory]
    [InlineData("/test/fastapi/crash")]
    [InlineData("/test/clicker/crash")]
    [InlineData("/test/gateway/crash")]
    [InlineData("/test/novels/crash")]
    [InlineData("/test/problem/crash")]
    public async Task Unexpected_failures_are_500_in_the_dialect_and_reveal_nothing_internal(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        JsonDocument.Parse(text);
    }

    [Fact]
    public async Task Wrong_method_answers_405_in_the_dialect()
    {
        var response = await _client.DeleteAsync("/test/gateway/ok");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        AssertProperties(await response.ReadJsonAsync(), "success", "detail");
    }

    [Fact]
    public async Task Request_ids_are_echoed_or_generated()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", "abc-123");
        var echoed = await _client.SendAsync(request);
        Assert.Equal("abc-123", echoed.Headers.GetValues("X-Request-Id").Single());

        var generated = await _client.GetAsync("/health/live");
        Assert.False(string.IsNullOrEmpty(generated.Headers.GetValues("X-Request-Id").Single()));

        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        hostile.Headers.TryAddWithoutValidation("X-Request-Id", "bad id\"<script>");
        var replaced = await _client.SendAsync(hostile);
        Assert.NotEqual("bad id\"<script>", replaced.Headers.GetValues("X-Request-Id").Single());
    }

    private async Task AssertFastApiError(string path, HttpStatusCode status, string detail)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "detail");
        Assert.Equal(detail, json.GetProperty("detail").GetString());
    }

    private async Task AssertClickerError(string path, HttpStatusCode status, int clickerStatus)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "status", "message");
        Assert.Equal(clickerStatus, json.GetProperty("status").GetInt32());
    }
}
