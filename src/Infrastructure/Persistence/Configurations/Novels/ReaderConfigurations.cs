using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using CleanGames.Domain.Novels.Readers;
using CleanGames.Infrastructure.Identity.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Novels;

internal sealed class ReadingProgressConfiguration : IEntityTypeConfiguration<ReadingProgress>
{
    public void Configure(EntityTypeBuilder<ReadingProgress> builder)
    {
        builder.ToTable("novels_reading_progress");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.BelongsToAccount(p => p.AccountId);

        // One progress per reader and novel, held by the store when two devices save the first one at once.
        builder.HasIndex(p => new { p.AccountId, p.NovelId }).IsUnique();
        builder.HasOne<Novel>().WithMany().HasForeignKey(p => p.NovelId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Chapter>().WithMany().HasForeignKey(p => p.ChapterId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class BookmarkConfiguration : IEntityTypeConfiguration<Bookmark>
{
    public void Configure(EntityTypeBuilder<Bookmark> builder)
    {
        builder.ToTable("novels_bookmarks");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.List).HasConversion<string>().HasMaxLength(16);
        builder.BelongsToAccount(b => b.AccountId);

        // At most one bookmark per reader and novel, whatever races.
        builder.HasIndex(b => new { b.AccountId, b.NovelId }).IsUnique();
        builder.HasIndex(b => new { b.AccountId, b.UpdatedAt, b.NovelId });
        builder.HasIndex(b => new { b.AccountId, b.CreatedAt, b.NovelId });
        builder.HasIndex(b => b.NovelId);
        builder.HasOne<Novel>().WithMany().HasForeignKey(b => b.NovelId).OnDelete(DeleteBehavior.Cascade);
    }
}
