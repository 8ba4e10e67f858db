using Microsoft.AspNetCore.Rewrite;
using Microsoft.Net.Http.Headers;

namespace CleanGames.WebApi.Common.Pages;

/// <summary>
/// The pages a person opens in a browser (<c>wwwroot/</c>): <c>/</c> is the landing page, <c>/playground</c> the
/// realtime playground, <c>/mafia</c> the Mafia table, <c>/console</c> the operator console. They are
/// plain static files, served before routing (so they load while the server is still starting and
/// can show that), revalidated on every visit by their ETag so a new version shows at once.
/// </summary>
public static class BrowserPages
{
    /// <summary>The pages reached by a bare name (<c>/playground</c> serves <c>playground.html</c>).</summary>
    public static readonly IReadOnlyList<string> NamedPages = ["playground", "mafia", "console", "analytics", "novels"];

    public static IApplicationBuilder UseBrowserPages(this IApplicationBuilder app)
    {
        app.UseRewriter(new RewriteOptions().AddRewrite($"^({string.Join('|', NamedPages)})/?$", "$1.html", skipRemainingRules: true));
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers[HeaderNames.CacheControl] = "no-cache";
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    // The pages load only their own scripts and styles, and call only this server.
                    headers[HeaderNames.ContentSecurityPolicy] = "default-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
                }
            },
        });
        return app;
    }
}
