using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using MediatR;

namespace CleanGames.Application.Novels.Catalogue.Queries.GetCover;

/// <summary><c>GET /covers/{novel_id}</c>: the image as stored.</summary>
public sealed record GetCoverQuery(string NovelId) : IRequest<CoverFile>;

/// <summary>The bytes, their media type and their hash (the entity tag).</summary>
public sealed record CoverFile(ReadOnlyMemory<byte> Content, string ContentType, string Hash);

public sealed class GetCoverQueryHandler(IReadRepository<CoverImage> covers) : IRequestHandler<GetCoverQuery, CoverFile>
{
    public async Task<CoverFile> Handle(GetCoverQuery request, CancellationToken cancellationToken)
    {
        var id = NovelsRules.IdOf(request.NovelId) ?? throw new DomainException(NovelsErrors.CoverNotFound);
        var cover = await covers.GetByIdAsync(id, cancellationToken) ?? throw new DomainException(NovelsErrors.CoverNotFound);
        return new CoverFile(cover.Content, cover.ContentType, cover.Hash);
    }
}
