namespace CleanGames.Bench;

/// <summary>An expected failure (build broken, server not ready, bad response) reported as one message rather than a stack trace.</summary>
internal sealed class BenchException(string message) : Exception(message);
