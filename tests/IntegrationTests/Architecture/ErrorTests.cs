using System.Reflection;
using System.Text.RegularExpressions;
using CleanGames.Domain.Common;
using CleanGames.WebApi.Common.Dialects;

namespace CleanGames.IntegrationTests.Architecture;

/// <summary>
/// Errors carry their kind: each module declares its errors in one catalogue per layer (a static
/// class named <c>…Errors</c>), nothing catches an error to change how it is answered, and one
/// mapping turns each kind into a status.
/// </summary>
public sealed partial class ErrorTests
{
    [Fact]
    public void Errors_are_declared_only_in_error_catalogues()
    {
        var offenders = SourceFiles.Under()
            .Where(f => !Path.GetFileName(f).EndsWith("Errors.cs", StringComparison.Ordinal)
                        && Path.GetFileName(f) != "DomainError.cs")
            .Where(f => ErrorDeclaration().IsMatch(File.ReadAllText(f)))
            .Select(SourceFiles.Relative)
            .ToList();

        Assert.True(offenders.Count == 0, "Errors made outside a …Errors.cs catalogue: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Nothing_catches_a_refusal_to_answer_it_differently()
    {
        var offenders = SourceFiles.Under()
            .Where(f => CatchOfRefusal().IsMatch(File.ReadAllText(f)))
            .Select(SourceFiles.Relative)
            .ToList();

        Assert.True(offenders.Count == 0, "A DomainException is caught in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_catalogued_error_has_a_distinct_code_per_meaning_and_a_status()
    {
        var catalogues = new[] { typeof(DomainError).Assembly, typeof(CleanGames.Application.DependencyInjection).Assembly, typeof(Program).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .ToList();
        var errors = catalogues
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DomainError)))
            .Select(f => (Name: $"{f.DeclaringType!.Name}.{f.Name}", Error: (DomainError)f.GetValue(null)!))
            .ToList();

        Assert.Contains(catalogues, t => t.Name == "GameErrors");
        Assert.Contains(catalogues, t => t.Name == "MafiaErrors");
        Assert.Contains(catalogues, t => t.Name == "TransportErrors");
        Assert.True(errors.Count > 40, $"only {errors.Count} catalogued errors found");
        Assert.All(errors, e =>
        {
            Assert.Matches("^[a-z_]+(\\.[a-z_]+)+$", e.Error.Code);
            Assert.InRange(ExceptionMapping.StatusOf(e.Error.Kind), 400, 503);
        });

        // One code may be worded for two situations (mafia.player.busy), never with two kinds.
        var mixed = errors.GroupBy(e => e.Error.Code).Where(g => g.Select(e => e.Error.Kind).Distinct().Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(mixed);
    }

    [Theory]
    [InlineData(ErrorKind.Invalid, 400)]
    [InlineData(ErrorKind.Unauthenticated, 401)]
    [InlineData(ErrorKind.Forbidden, 403)]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.Conflict, 409)]
    [InlineData(ErrorKind.RuleBroken, 400)]
    [InlineData(ErrorKind.TooMany, 429)]
    [InlineData(ErrorKind.Unavailable, 503)]
    [InlineData(ErrorKind.Unprocessable, 422)]
    public void A_kind_is_answered_with_one_status(ErrorKind kind, int status)
    {
        var error = ExceptionMapping.ToApiError(new DomainException(new DomainError("probe.kind", "Refused.", kind)));

        Assert.Equal(status, error.Status);
        Assert.Equal("probe.kind", error.Code);
    }

    [Fact]
    public void Every_kind_has_a_status()
    {
        Assert.All(Enum.GetValues<ErrorKind>(), kind => Assert.NotEqual(500, ExceptionMapping.StatusOf(kind)));
    }

    // A DomainError made anywhere: `new DomainError(`, `new("x.y", ...)` typed as DomainError, or a factory call.
    [GeneratedRegex(@"new\s+DomainError\s*\(|DomainError\s+\w+\s*=\s*new\s*\(|DomainError\.(Invalid|Unauthenticated|Forbidden|NotFound|Conflict|RuleBroken|TooMany|Unavailable|Unprocessable)\s*\(")]
    private static partial Regex ErrorDeclaration();

    [GeneratedRegex(@"catch\s*\(\s*DomainException\b")]
    private static partial Regex CatchOfRefusal();
}
