using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>
/// Turns MVC's model-binding failures (malformed JSON, wrong types, missing required members,
/// unparsable route or query values) into field errors with client-safe messages: no .NET type
/// names or parser internals reach the wire.
/// </summary>
internal static partial class ModelStateErrors
{
    public static ApiError ToApiError(ActionContext context)
    {
        var bodyParameters = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var errors = new List<ApiFieldError>();
        var entries = context.ModelState.Where(e => e.Value is { Errors.Count: > 0 }).ToList();
        var hasJsonErrors = entries.Any(e => e.Key.StartsWith('$'));

        foreach (var (key, entry) in entries)
        {
            // With a broken body MVC also reports the body parameter itself as "required": noise.
            if (hasJsonErrors && bodyParameters.Contains(key))
            {
                continue;
            }

            foreach (var error in entry!.Errors)
            {
                errors.Add(Describe(context.ActionDescriptor, bodyParameters, key, error));
            }
        }

        if (errors.Count == 0)
        {
            errors.Add(new ApiFieldError("body", string.Empty, "Invalid request", "value_error"));
        }

        return ApiError.Validation(errors);
    }

    private static ApiFieldError Describe(ActionDescriptor action, HashSet<string> bodyParameters, string key, ModelError error)
    {
        var message = error.Exception?.Message ?? error.ErrorMessage;
        if (key.StartsWith('$') || bodyParameters.Contains(key) || key.Length == 0)
        {
            var field = JsonPathToField(key);
            var missing = MissingPropertiesPattern().Match(message);
            if (missing.Success)
            {
                return new ApiFieldError("body", Join(field, missing.Groups[1].Value), "Field required", "missing");
            }

            if (message.Contains("non-empty request body is required", StringComparison.OrdinalIgnoreCase)
                || (bodyParameters.Contains(key) && message.Contains("is required", StringComparison.OrdinalIgnoreCase)))
            {
                return new ApiFieldError("body", string.Empty, "A JSON request body is required", "missing");
            }

            if (message.Contains("could not be converted", StringComparison.OrdinalIgnoreCase)
                || message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
            {
                return new ApiFieldError("body", field, "Input has the wrong type", "type_error");
            }

            return new ApiFieldError("body", field, "Malformed JSON", "json_invalid");
        }

        var parameter = action.Parameters.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase));
        var source = parameter?.BindingInfo?.BindingSource;
        var location = source == BindingSource.Path ? "path"
            : source == BindingSource.Header ? "header"
            : source == BindingSource.Query ? "query"
            : "query";
        return new ApiFieldError(location, Json.WireJson.ToWireName(key), string.IsNullOrEmpty(error.ErrorMessage) ? "Invalid value" : error.ErrorMessage, "value_error");
    }

    private static string JsonPathToField(string key)
    {
        if (key.StartsWith("$.", StringComparison.Ordinal))
        {
            return key[2..];
        }

        return key.StartsWith('$') ? key[1..].TrimStart('.') : string.Empty;
    }

    private static string Join(string parent, string child) => string.IsNullOrEmpty(parent) ? child : parent + "." + child;

    [GeneratedRegex(@"missing required properties including: '([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingPropertiesPattern();
}
