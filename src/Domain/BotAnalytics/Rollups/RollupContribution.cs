namespace CleanGames.Domain.BotAnalytics.Rollups;

/// <summary>
/// What one record (or one subscriber's records together) adds to a bot's rollups: <see cref="Metrics"/>
/// at the instant <see cref="At"/> in <see cref="Currency"/> (<see cref="RollupContributions.NoCurrency"/>
/// for everything but payments). A contribution without an instant describes the present and is
/// kept only in the timeless row.
/// </summary>
public readonly record struct RollupContribution(DateTimeOffset? At, string Currency, RollupMetrics Metrics);
