using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Readers;

public static class ReaderErrors
{
    public static readonly DomainError NegativePosition = DomainError.Invalid("novels.progress.negative_position", "A reading position is 0 or more.");
}
