using System.Globalization;
using System.Text;
using CleanGames.Application.BotAnalytics.Dashboards.Common;
using CleanGames.Application.BotAnalytics.Dashboards.Queries.GetAnalytics;
using CleanGames.Application.BotAnalytics.Dashboards.Queries.GetBotSummary;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CleanGames.WebApi.BotAnalytics;

/// <summary>Seed 003 <c>/api/analytics</c> and <c>/api/bots/{bot_id}/summary</c>, read from the bot's rollups, and the series as CSV.</summary>
[ApiController]
[Authorize]
[Route("api")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("BotAnalytics: dashboards")]
public sealed class DashboardsController(IMediator mediator) : ControllerBase
{
    /// <summary>One row per day from <c>start_date</c> to <c>end_date</c> (days in <c>tz</c>, UTC by default), zero-filled.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("analytics")]
    public Task<IReadOnlyList<AnalyticsDay>> Analytics(
        [FromQuery(Name = "bot_id"), BindRequired] long botId,
        [FromQuery(Name = "start_date"), BindRequired] DateOnly startDate,
        [FromQuery(Name = "end_date"), BindRequired] DateOnly endDate,
        [FromQuery] string? tz,
        [FromQuery] string? compare,
        CancellationToken cancellationToken) =>
        mediator.Send(new GetAnalyticsQuery(botId, startDate, endDate, tz, compare), cancellationToken);

    /// <summary>The same series as CSV: a header row with the JSON field names, one row per day.</summary>
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesText("text/csv")]
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("analytics/export")]
    public async Task<IResult> Export(
        [FromQuery(Name = "bot_id"), BindRequired] long botId,
        [FromQuery(Name = "start_date"), BindRequired] DateOnly startDate,
        [FromQuery(Name = "end_date"), BindRequired] DateOnly endDate,
        [FromQuery] string? tz,
        CancellationToken cancellationToken)
    {
        var days = await mediator.Send(new GetAnalyticsQuery(botId, startDate, endDate, tz), cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"analytics-{botId}-{startDate:yyyy-MM-dd}-{endDate:yyyy-MM-dd}.csv");
        return Results.Stream(stream => AnalyticsCsv.WriteAsync(days, stream, cancellationToken), "text/csv; charset=utf-8", name);
    }

    /// <summary>The bot's totals and the last 30 days (in <c>tz</c>, UTC by default).</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("bots/{botId}/summary")]
    public Task<BotSummary> Summary(long botId, [FromQuery] string? tz, CancellationToken cancellationToken) =>
        mediator.Send(new GetBotSummaryQuery(botId, tz), cancellationToken);
}

/// <summary>The analytics series as CSV (RFC 4180): the JSON field names, then one line per day.</summary>
internal static class AnalyticsCsv
{
    public const string Header = "date,registrations,payments,trials,keys,renewals";

    public static async Task WriteAsync(IReadOnlyList<AnalyticsDay> days, Stream stream, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 4096, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Header.AsMemory(), cancellationToken);
        foreach (var day in days)
        {
            await writer.WriteLineAsync(
                string.Create(CultureInfo.InvariantCulture, $"{day.Date},{day.Registrations},{day.Payments},{day.Trials},{day.Keys},{day.Renewals}").AsMemory(),
                cancellationToken);
        }
    }
}
