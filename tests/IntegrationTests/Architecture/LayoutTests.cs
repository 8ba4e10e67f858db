using System.Reflection;
using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;

namespace CleanGames.IntegrationTests.Architecture;

/// <summary>
/// One layout: <c>src/Application/&lt;Module&gt;/&lt;Feature&gt;/Commands|Queries/&lt;UseCase&gt;/</c> holds a
/// request in a file named after it, its handler, and its validator beside them.
/// </summary>
public sealed partial class LayoutTests
{
    private static readonly Assembly Application = typeof(CleanGames.Application.DependencyInjection).Assembly;

    private static readonly Lazy<Dictionary<string, List<string>>> Declarations = new(() =>
        SourceFiles.Under("Application")
            .SelectMany(file => Declaration().Matches(File.ReadAllText(file)).Select(m => (Name: m.Groups[1].Value, File: file)))
            .GroupBy(d => d.Name)
            .ToDictionary(g => g.Key, g => g.Select(d => d.File).ToList()));

    public static TheoryData<string> Requests()
    {
        var data = new TheoryData<string>();
        foreach (var type in RequestTypes())
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Fact]
    public void The_application_has_requests_to_check()
    {
        Assert.True(RequestTypes().Count() > 30, "expected the application's MediatR requests");
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_request_sits_in_a_file_named_after_it_in_its_use_case_folder(string name)
    {
        var file = FileOf(name);
        Assert.Equal(name + ".cs", Path.GetFileName(file));

        var useCase = Path.GetFileName(Path.GetDirectoryName(file))!;
        var kind = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file)))!;
        var expectedKind = name.EndsWith("Query", StringComparison.Ordinal) ? "Queries" : "Commands";
        Assert.True(kind == expectedKind, $"{SourceFiles.Relative(file)}: a {expectedKind[..^1].ToLowerInvariant()} belongs under {expectedKind}/");
        Assert.True(
            name == useCase + "Command" || name == useCase + "Query",
            $"{SourceFiles.Relative(file)}: {name} belongs in a folder named after its use case ({UseCaseOf(name)}/)");
    }

    [Fact]
    public void Handlers_and_validators_sit_beside_their_request()
    {
        var helpers = Application.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                .Select(i => (Helper: t, Request: i.GenericTypeArguments[0])))
            .Where(p => IsRequest(p.Request))
            .ToList();
        Assert.NotEmpty(helpers);

        var misplaced = helpers
            .Where(p => Path.GetDirectoryName(FileOf(p.Helper.Name)) != Path.GetDirectoryName(FileOf(p.Request.Name)))
            .Select(p => $"{p.Helper.Name} ({SourceFiles.Relative(FileOf(p.Helper.Name))}) is not beside {p.Request.Name}")
            .ToList();
        Assert.True(misplaced.Count == 0, string.Join("; ", misplaced));
    }

    private static IEnumerable<Type> RequestTypes() =>
        Application.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && IsRequest(t)).OrderBy(t => t.Name);

    private static bool IsRequest(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>));

    private static string FileOf(string typeName)
    {
        Assert.True(Declarations.Value.TryGetValue(typeName, out var files), $"{typeName} is declared in no file under src/Application");
        Assert.True(files!.Count == 1, $"{typeName} is declared in several files: {string.Join(", ", files.Select(SourceFiles.Relative))}");
        return files[0];
    }

    private static string UseCaseOf(string name) =>
        name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length]
        : name.EndsWith("Query", StringComparison.Ordinal) ? name[..^"Query".Length]
        : name;

    [GeneratedRegex(@"^(?:public |internal |file )?(?:sealed |static |abstract |readonly |partial )*(?:record struct|record|class|interface|struct) (\w+)", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
