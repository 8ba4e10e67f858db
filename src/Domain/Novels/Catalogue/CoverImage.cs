using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Catalogue;

/// <summary>
/// A novel's cover: the image bytes as uploaded, their media type as the bytes themselves say (never
/// a file name), and a content hash that serves as the HTTP entity tag.
/// </summary>
public sealed class CoverImage : AggregateRoot<Guid>
{
    public const int MaxBytes = 2 * 1024 * 1024;

    private byte[] _content = [];

    private CoverImage()
    {
        ContentType = string.Empty;
        Hash = string.Empty;
    }

    /// <summary>The novel's id: a novel has at most one cover.</summary>
    public Guid NovelId => Id;

    public string ContentType { get; private set; }

    public string Hash { get; private set; }

    public int Length { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public ReadOnlyMemory<byte> Content => _content;

    public static CoverImage For(Guid novelId, byte[] content, DateTimeOffset now)
    {
        var type = MediaTypeOf(content) ?? throw new DomainException(CoverErrors.NotAnImage);
        if (content.Length > MaxBytes)
        {
            throw new DomainException(CoverErrors.TooLarge);
        }

        return new CoverImage
        {
            Id = novelId,
            _content = content,
            ContentType = type,
            Length = content.Length,
            Hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)),
            CreatedAt = now,
        };
    }

    /// <summary>The image type the bytes start with: PNG, JPEG or WebP; null for anything else.</summary>
    public static string? MediaTypeOf(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (bytes.StartsWith(png) && bytes.Length > png.Length)
        {
            return "image/png";
        }

        if (bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (bytes.Length > 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }
}
