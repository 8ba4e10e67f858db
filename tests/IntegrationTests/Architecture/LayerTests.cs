using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CleanGames.IntegrationTests.Architecture;

/// <summary>The dependency rule of DESIGN.md: arrows point inwards only.</summary>
public sealed partial class LayerTests
{
    private static readonly Assembly Domain = typeof(CleanGames.Domain.Common.IDomainEvent).Assembly;
    private static readonly Assembly Application = typeof(CleanGames.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(CleanGames.Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly WebApi = typeof(Program).Assembly;

    [Fact]
    public void The_domain_references_nothing_but_the_base_class_library()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib",
            $"CleanGames.Domain references {name}"));

        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Domain", "CleanGames.Domain.csproj"));
        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "FrameworkReference");
    }

    [Fact]
    public void The_application_layer_does_not_know_infrastructure_or_transport()
    {
        var references = Application.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain("CleanGames.Infrastructure", references);
        Assert.DoesNotContain("CleanGames.WebApi", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Infrastructure_does_not_know_the_transport()
    {
        Assert.DoesNotContain("CleanGames.WebApi", Infrastructure.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void In_the_web_layer_only_registration_files_name_the_database_or_infrastructure()
    {
        var webApi = Path.Combine(RepositoryRoot(), "src", "WebApi");
        var offenders = Directory.EnumerateFiles(webApi, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !IsRegistrationFile(Path.GetFileName(f)))
            .Where(f => ForbiddenInTransport().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(webApi, f))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void Controllers_never_take_a_db_context()
    {
        var controllerTypes = WebApi.GetTypes().Where(t => typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(t) || typeof(Microsoft.AspNetCore.SignalR.Hub).IsAssignableFrom(t));
        foreach (var type in controllerTypes)
        {
            var parameters = type.GetConstructors().SelectMany(c => c.GetParameters());
            Assert.DoesNotContain(parameters, p => typeof(Microsoft.EntityFrameworkCore.DbContext).IsAssignableFrom(p.ParameterType));
        }
    }

    private static bool IsRegistrationFile(string name) =>
        name == "Program.cs"
        || name.Contains("DependencyInjection", StringComparison.Ordinal)
        || name.Contains("ServiceCollection", StringComparison.Ordinal)
        || name.Contains("Registration", StringComparison.Ordinal);

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CleanGames.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CleanGames.sln not found above the test output.");
    }

    [GeneratedRegex(@"DbContext|CleanGames\.Infrastructure")]
    private static partial Regex ForbiddenInTransport();
}
