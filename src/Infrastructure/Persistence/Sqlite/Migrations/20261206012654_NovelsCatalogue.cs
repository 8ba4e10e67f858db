using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NovelsCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "novels_genres",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_genres", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "novels_novels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TranslationStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OriginalChaptersCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ReleaseYear = table.Column<int>(type: "INTEGER", nullable: true),
                    HasCover = table.Column<bool>(type: "INTEGER", nullable: false),
                    ViewsTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    ViewsDaily = table.Column<long>(type: "INTEGER", nullable: false),
                    Rating = table.Column<double>(type: "REAL", nullable: false),
                    RatingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    BookmarksCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChaptersPublished = table.Column<int>(type: "INTEGER", nullable: false),
                    LastChapterAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_novels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "novels_tags",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_tags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "novels_genre_names",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Lang = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    GenreId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_genre_names", x => x.Id);
                    table.ForeignKey(
                        name: "FK_novels_genre_names_novels_genres_GenreId",
                        column: x => x.GenreId,
                        principalTable: "novels_genres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "novels_chapters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NovelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Views = table.Column<long>(type: "INTEGER", nullable: false),
                    CommentsCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_chapters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_novels_chapters_novels_novels_NovelId",
                        column: x => x.NovelId,
                        principalTable: "novels_novels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "novels_covers",
                columns: table => new
                {
                    NovelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_covers", x => x.NovelId);
                    table.ForeignKey(
                        name: "FK_novels_covers_novels_novels_NovelId",
                        column: x => x.NovelId,
                        principalTable: "novels_novels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "novels_localizations",
                columns: table => new
                {
                    Lang = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    NovelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SearchTitle = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SearchAltTitles = table.Column<string>(type: "TEXT", nullable: false),
                    SearchAuthor = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AltTitles = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_localizations", x => new { x.NovelId, x.Lang });
                    table.ForeignKey(
                        name: "FK_novels_localizations_novels_novels_NovelId",
                        column: x => x.NovelId,
                        principalTable: "novels_novels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "novels_novel_genres",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GenreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NovelId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_novel_genres", x => x.Id);
                    table.ForeignKey(
                        name: "FK_novels_novel_genres_novels_novels_NovelId",
                        column: x => x.NovelId,
                        principalTable: "novels_novels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "novels_novel_tags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TagId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    NovelId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_novel_tags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_novels_novel_tags_novels_novels_NovelId",
                        column: x => x.NovelId,
                        principalTable: "novels_novels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "novels_view_hours",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NovelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HourStart = table.Column<long>(type: "INTEGER", nullable: false),
                    Views = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_view_hours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_novels_view_hours_novels_novels_NovelId",
                        column: x => x.NovelId,
                        principalTable: "novels_novels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "novels_tag_names",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Lang = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TagId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_tag_names", x => x.Id);
                    table.ForeignKey(
                        name: "FK_novels_tag_names_novels_tags_TagId",
                        column: x => x.TagId,
                        principalTable: "novels_tags",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "novels_chapter_contents",
                columns: table => new
                {
                    Lang = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ChapterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WordCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_chapter_contents", x => new { x.ChapterId, x.Lang });
                    table.ForeignKey(
                        name: "FK_novels_chapter_contents_novels_chapters_ChapterId",
                        column: x => x.ChapterId,
                        principalTable: "novels_chapters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_novels_chapters_NovelId_CreatedAt_Id",
                table: "novels_chapters",
                columns: new[] { "NovelId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_chapters_NovelId_Number",
                table: "novels_chapters",
                columns: new[] { "NovelId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_chapters_NovelId_Views_Id",
                table: "novels_chapters",
                columns: new[] { "NovelId", "Views", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_genre_names_GenreId_Lang",
                table: "novels_genre_names",
                columns: new[] { "GenreId", "Lang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_genres_Slug",
                table: "novels_genres",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_novel_genres_GenreId",
                table: "novels_novel_genres",
                column: "GenreId");

            migrationBuilder.CreateIndex(
                name: "IX_novels_novel_genres_NovelId_GenreId",
                table: "novels_novel_genres",
                columns: new[] { "NovelId", "GenreId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_novel_tags_NovelId_TagId",
                table: "novels_novel_tags",
                columns: new[] { "NovelId", "TagId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_novel_tags_TagId",
                table: "novels_novel_tags",
                column: "TagId");

            migrationBuilder.CreateIndex(
                name: "IX_novels_novels_BookmarksCount_Id",
                table: "novels_novels",
                columns: new[] { "BookmarksCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_novels_CreatedAt_Id",
                table: "novels_novels",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_novels_Rating_Id",
                table: "novels_novels",
                columns: new[] { "Rating", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_novels_ReleaseYear",
                table: "novels_novels",
                column: "ReleaseYear");

            migrationBuilder.CreateIndex(
                name: "IX_novels_novels_Slug",
                table: "novels_novels",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_novels_UpdatedAt_Id",
                table: "novels_novels",
                columns: new[] { "UpdatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_novels_ViewsDaily_Id",
                table: "novels_novels",
                columns: new[] { "ViewsDaily", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_novels_ViewsTotal_Id",
                table: "novels_novels",
                columns: new[] { "ViewsTotal", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_tag_names_TagId_Lang",
                table: "novels_tag_names",
                columns: new[] { "TagId", "Lang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_tags_Slug",
                table: "novels_tags",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_view_hours_HourStart",
                table: "novels_view_hours",
                column: "HourStart");

            migrationBuilder.CreateIndex(
                name: "IX_novels_view_hours_NovelId_HourStart",
                table: "novels_view_hours",
                columns: new[] { "NovelId", "HourStart" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "novels_chapter_contents");

            migrationBuilder.DropTable(
                name: "novels_covers");

            migrationBuilder.DropTable(
                name: "novels_genre_names");

            migrationBuilder.DropTable(
                name: "novels_localizations");

            migrationBuilder.DropTable(
                name: "novels_novel_genres");

            migrationBuilder.DropTable(
                name: "novels_novel_tags");

            migrationBuilder.DropTable(
                name: "novels_tag_names");

            migrationBuilder.DropTable(
                name: "novels_view_hours");

            migrationBuilder.DropTable(
                name: "novels_chapters");

            migrationBuilder.DropTable(
                name: "novels_genres");

            migrationBuilder.DropTable(
                name: "novels_tags");

            migrationBuilder.DropTable(
                name: "novels_novels");
        }
    }
}
