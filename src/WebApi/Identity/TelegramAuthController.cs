using System.Globalization;
using System.Text.Json;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Identity.Commands.SignInWithTelegram;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Http;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.RateLimiting;

namespace CleanGames.WebApi.Identity;

public sealed record TelegramAuthUser(
    string UserId,
    long? TelegramId,
    string? Username,
    string? FirstName,
    string? LastName,
    string? LanguageCode,
    string? PhotoUrl,
    bool? IsPremium,
    string? DisplayName,
    IReadOnlyList<string> Roles);

/// <summary>Both seeds' answer on one route: seed 000's <c>access_token</c>/<c>token_type</c> and seed 003's <c>token</c>/<c>user</c>.</summary>
public sealed record TelegramAuthResponse(string AccessToken, string TokenType, string Token, TelegramAuthUser User);

/// <summary>
/// <c>POST /api/auth/telegram</c>, shared by seed 000 (flat Login Widget fields) and seed 003
/// (<c>{"init_data": ...}</c> from a Mini App). The body's shape picks the verification.
/// </summary>
[ApiController]
[Route("api/auth/telegram")]
[ApiDialect(ApiDialect.FastApi)]
[EnableRateLimiting(RateLimitPolicies.Authentication)]
[Tags("Telegram sign-in (Mafia, BotAnalytics)")]
public sealed class TelegramAuthController(IMediator mediator) : ControllerBase
{
    [ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)]
    [HttpPost]
    public async Task<TelegramAuthResponse> SignIn([FromBody] JsonElement body, CancellationToken cancellationToken)
    {
        var signedIn = await mediator.Send(new SignInWithTelegramCommand(ReadProof(body)), cancellationToken);
        var account = signedIn.Account;
        var user = new TelegramAuthUser(
            account.Id.ToString(CultureInfo.InvariantCulture), account.TelegramId, account.TelegramUsername, account.FirstName, account.LastName,
            account.LanguageCode, account.AvatarUrl, account.IsPremium, account.DisplayName, account.Roles);
        return new TelegramAuthResponse(signedIn.AccessToken.Token, "bearer", signedIn.AccessToken.Token, user);
    }

    private static TelegramProof ReadProof(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationFailedException("", "Input should be a valid dictionary or object", "model_attributes_type");
        }

        if (body.TryGetProperty("init_data", out var initData))
        {
            return initData.ValueKind == JsonValueKind.String
                ? new TelegramProof.MiniApp(initData.GetString()!)
                : throw new ValidationFailedException("init_data", "Input should be a valid string", "string_type");
        }

        var errors = new List<FieldError>();
        Require(body, "id", JsonValueKind.Number, errors, integer: true);
        Require(body, "first_name", JsonValueKind.String, errors);
        Require(body, "auth_date", JsonValueKind.Number, errors, integer: true);
        Optional(body, "last_name", JsonValueKind.String, errors);
        Optional(body, "username", JsonValueKind.String, errors);
        Optional(body, "language_code", JsonValueKind.String, errors);
        Optional(body, "photo_url", JsonValueKind.String, errors);
        Optional(body, "hash", JsonValueKind.String, errors);
        OptionalBoolean(body, "is_bot", errors);
        OptionalBoolean(body, "allows_write_to_pm", errors);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        // The data-check string is made of exactly what was received: absent fields are not
        // defaulted in, nulls are skipped, values are their JSON text without quotes.
        var fields = new List<KeyValuePair<string, string>>();
        string? hash = null;
        foreach (var property in body.EnumerateObject())
        {
            if (property.Name == "hash")
            {
                hash = property.Value.GetString();
                continue;
            }

            var text = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => property.Value.GetRawText(),
            };
            if (text is not null)
            {
                fields.Add(new(property.Name, text));
            }
        }

        return new TelegramProof.Widget(fields, hash);
    }

    private static void Require(JsonElement body, string name, JsonValueKind kind, List<FieldError> errors, bool integer = false)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError(name, "Field required", "missing"));
            return;
        }

        CheckType(name, value, kind, errors, integer);
    }

    private static void Optional(JsonElement body, string name, JsonValueKind kind, List<FieldError> errors)
    {
        if (body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            CheckType(name, value, kind, errors, integer: false);
        }
    }

    private static void OptionalBoolean(JsonElement body, string name, List<FieldError> errors)
    {
        if (body.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new FieldError(name, "Input should be a valid boolean", "bool_type"));
        }
    }

    private static void CheckType(string name, JsonElement value, JsonValueKind kind, List<FieldError> errors, bool integer)
    {
        if (value.ValueKind != kind)
        {
            errors.Add(kind == JsonValueKind.Number
                ? new FieldError(name, "Input should be a valid integer", "int_type")
                : new FieldError(name, "Input should be a valid string", "string_type"));
        }
        else if (integer && !value.TryGetInt64(out _))
        {
            errors.Add(new FieldError(name, "Input should be a valid integer", "int_parsing"));
        }
    }
}
