using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Views;

public static class ViewErrors
{
    public static readonly DomainError NegativeViews = DomainError.Invalid("novels.views.negative", "Views are counted up, never down.");
}
