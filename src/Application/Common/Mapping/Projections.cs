using System.Linq.Expressions;
using AutoMapper;
using AutoMapper.QueryableExtensions;

namespace CleanGames.Application.Common.Mapping;

/// <summary>
/// AutoMapper's <c>ProjectTo</c> as a selector a specification can carry
/// (<c>Query.Select(Projections.Of&lt;T, TResult&gt;(configuration))</c>): handlers see no
/// <see cref="IQueryable{T}"/>, so the projection travels inside the specification and the
/// evaluator runs it in the database like any other <c>Select</c>.
/// </summary>
public static class Projections
{
    public static Expression<Func<TSource, TResult>> Of<TSource, TResult>(IConfigurationProvider configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // ProjectTo over an empty source builds exactly source.Select(selector): take the selector.
        var projected = Array.Empty<TSource>().AsQueryable().ProjectTo<TResult>(configuration).Expression;
        if (projected is MethodCallExpression { Method.Name: nameof(Queryable.Select), Arguments: [_, UnaryExpression { Operand: Expression<Func<TSource, TResult>> selector }] })
        {
            return selector;
        }

        throw new NotSupportedException($"The projection of {typeof(TSource).Name} to {typeof(TResult).Name} is not a single Select.");
    }
}
