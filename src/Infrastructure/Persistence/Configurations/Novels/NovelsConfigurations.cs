using System.Text.Json;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using CleanGames.Domain.Novels.Taxonomy;
using CleanGames.Domain.Novels.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanGames.Infrastructure.Persistence.Configurations.Novels;

internal sealed class NovelConfiguration : IEntityTypeConfiguration<Novel>
{
    public void Configure(EntityTypeBuilder<Novel> builder)
    {
        builder.ToTable("novels_novels");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Slug).HasMaxLength(Slugs.MaxLength);
        builder.HasIndex(n => n.Slug).IsUnique();
        builder.Property(n => n.TranslationStatus).HasConversion<string>().HasMaxLength(16);

        // The catalogue's orders, each with the id that breaks ties.
        builder.HasIndex(n => new { n.UpdatedAt, n.Id });
        builder.HasIndex(n => new { n.CreatedAt, n.Id });
        builder.HasIndex(n => new { n.ViewsDaily, n.Id });
        builder.HasIndex(n => new { n.ViewsTotal, n.Id });
        builder.HasIndex(n => new { n.Rating, n.Id });
        builder.HasIndex(n => new { n.BookmarksCount, n.Id });
        builder.HasIndex(n => n.ReleaseYear);

        builder.OwnsMany(n => n.Localizations, l =>
        {
            l.ToTable("novels_localizations");
            l.WithOwner().HasForeignKey("NovelId");
            l.HasKey("NovelId", nameof(NovelLocalization.Lang));
            l.Property(x => x.Lang).HasMaxLength(2);
            l.Property(x => x.Title).HasMaxLength(500);
            l.Property(x => x.Author).HasMaxLength(200);
            l.Property(x => x.SearchTitle).HasMaxLength(2000);
            l.Property(x => x.SearchAuthor).HasMaxLength(1000);
            l.Ignore(x => x.AltTitles);
            l.Property<List<string>>("_altTitles")
                .HasColumnName("AltTitles")
                .HasConversion(
                    titles => JsonSerializer.Serialize(titles, (JsonSerializerOptions?)null),
                    json => JsonSerializer.Deserialize<List<string>>(json, (JsonSerializerOptions?)null) ?? new List<string>(),
                    new ValueComparer<List<string>>(
                        (a, b) => a!.SequenceEqual(b!),
                        titles => titles.Aggregate(0, (hash, title) => HashCode.Combine(hash, title)),
                        titles => titles.ToList()))
                .IsRequired();
        });
        builder.Navigation(n => n.Localizations).HasField("_localizations");

        builder.OwnsMany(n => n.Tags, t =>
        {
            t.ToTable("novels_novel_tags");
            t.WithOwner().HasForeignKey("NovelId");
            // A generated key, so a tag swapped in by a merge is inserted (a key made of its values would make EF update a row that is not there).
            t.Property<long>("Id").ValueGeneratedOnAdd();
            t.HasKey("Id");
            t.HasIndex("NovelId", nameof(NovelTag.TagId)).IsUnique();
            t.HasIndex(x => x.TagId);
        });
        builder.Navigation(n => n.Tags).HasField("_tags");

        builder.OwnsMany(n => n.Genres, g =>
        {
            g.ToTable("novels_novel_genres");
            g.WithOwner().HasForeignKey("NovelId");
            g.Property<long>("Id").ValueGeneratedOnAdd();
            g.HasKey("Id");
            g.HasIndex("NovelId", nameof(NovelGenre.GenreId)).IsUnique();
            g.HasIndex(x => x.GenreId);
        });
        builder.Navigation(n => n.Genres).HasField("_genres");
    }
}

internal sealed class CoverImageConfiguration : IEntityTypeConfiguration<CoverImage>
{
    public void Configure(EntityTypeBuilder<CoverImage> builder)
    {
        builder.ToTable("novels_covers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("NovelId").ValueGeneratedNever();
        builder.Ignore(c => c.NovelId);
        builder.Ignore(c => c.Content);
        builder.Property<byte[]>("_content").HasColumnName("Content").IsRequired();
        builder.Property(c => c.ContentType).HasMaxLength(32);
        builder.Property(c => c.Hash).HasMaxLength(64);
        builder.HasOne<Novel>().WithOne().HasForeignKey<CoverImage>(c => c.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChapterConfiguration : IEntityTypeConfiguration<Chapter>
{
    public void Configure(EntityTypeBuilder<Chapter> builder)
    {
        builder.ToTable("novels_chapters");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(500);
        builder.Property(c => c.Slug).HasMaxLength(Slugs.MaxLength);

        // One chapter per number in a novel, held by the store across racing creates; also the default order.
        builder.HasIndex(c => new { c.NovelId, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.NovelId, c.CreatedAt, c.Id });
        builder.HasIndex(c => new { c.NovelId, c.Views, c.Id });
        builder.HasOne<Novel>().WithMany().HasForeignKey(c => c.NovelId).OnDelete(DeleteBehavior.Cascade);

        builder.OwnsMany(c => c.Contents, content =>
        {
            content.ToTable("novels_chapter_contents");
            content.WithOwner().HasForeignKey("ChapterId");
            content.HasKey("ChapterId", nameof(ChapterContent.Lang));
            content.Property(x => x.Lang).HasMaxLength(2);
            content.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        });
        builder.Navigation(c => c.Contents).HasField("_contents");
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> builder) => TaxonMapping.Configure(builder, "novels_tags", "novels_tag_names", "TagId");
}

internal sealed class GenreConfiguration : IEntityTypeConfiguration<Genre>
{
    public void Configure(EntityTypeBuilder<Genre> builder) => TaxonMapping.Configure(builder, "novels_genres", "novels_genre_names", "GenreId");
}

internal static class TaxonMapping
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table, string namesTable, string ownerKey)
        where T : Taxon
    {
        builder.ToTable(table);
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Slug).HasMaxLength(Slugs.MaxLength);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.OwnsMany(t => t.Names, n =>
        {
            n.ToTable(namesTable);
            n.WithOwner().HasForeignKey(ownerKey);
            n.Property<long>("Id").ValueGeneratedOnAdd();
            n.HasKey("Id");
            n.HasIndex(ownerKey, nameof(TaxonName.Lang)).IsUnique();
            n.Property(x => x.Lang).HasMaxLength(2);
            n.Property(x => x.Name).HasMaxLength(100);
        });
        builder.Navigation(t => t.Names).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class NovelViewHourConfiguration : IEntityTypeConfiguration<NovelViewHour>
{
    public void Configure(EntityTypeBuilder<NovelViewHour> builder)
    {
        builder.ToTable("novels_view_hours");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();

        // One counter per novel and hour, held by the store across instances flushing at once.
        builder.HasIndex(h => new { h.NovelId, h.HourStart }).IsUnique();
        builder.HasIndex(h => h.HourStart);
        builder.HasOne<Novel>().WithMany().HasForeignKey(h => h.NovelId).OnDelete(DeleteBehavior.Cascade);
    }
}
