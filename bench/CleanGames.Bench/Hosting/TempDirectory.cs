using CleanGames.Bench.Reporting;

namespace CleanGames.Bench.Hosting;

internal static class TempDirectory
{
    /// <summary>Best effort: a leftover temp folder must not turn a finished measurement into a failure.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Progress.Write($"could not delete {path}: {e.Message}");
        }
    }
}
