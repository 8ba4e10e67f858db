using Microsoft.AspNetCore.Mvc.Filters;

namespace CleanGames.WebApi.Common.Security;

/// <summary>
/// Makes the request's verified principal the caller of a controller action, before model binding
/// and the action run. The request scope exists for every action anyway, so this costs nothing on
/// the requests that never reach one (health, sockets), unlike an async-local context accessor.
/// </summary>
internal sealed class CurrentUserFilter(HttpCurrentUser currentUser) : IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context) => currentUser.Use(context.HttpContext);

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
