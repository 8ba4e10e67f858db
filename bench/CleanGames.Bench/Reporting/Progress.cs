using System.Globalization;

namespace CleanGames.Bench.Reporting;

/// <summary>Human progress goes to stderr: stdout carries exactly one line, the JSON result, for scripts.</summary>
internal static class Progress
{
    public static void Write(string message) =>
        Console.Error.WriteLine($"[bench {DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}] {message}");
}
