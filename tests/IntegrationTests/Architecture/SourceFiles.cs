namespace CleanGames.IntegrationTests.Architecture;

/// <summary>The product's source files (no build output, no generated migrations), for architecture checks that read code.</summary>
internal static class SourceFiles
{
    public static string Src => Path.Combine(LayerTests.RepositoryRoot(), "src");

    public static IEnumerable<string> Under(params string[] folders)
    {
        var root = Path.Combine([Src, .. folders]);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !HasSegment(f, "obj") && !HasSegment(f, "bin") && !HasSegment(f, "Migrations"));
    }

    public static string Relative(string path) => Path.GetRelativePath(Src, path);

    private static bool HasSegment(string path, string segment) =>
        path.Contains($"{Path.DirectorySeparatorChar}{segment}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);
}
