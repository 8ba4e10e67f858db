namespace CleanGames.Application.Common.Behaviours;

/// <summary>
/// Marks a request whose handler decides itself what losing a concurrency race means (e.g. of two
/// refreshes with one token exactly one may win), so the retry behaviour leaves it alone.
/// </summary>
public interface INoConcurrencyRetry;
