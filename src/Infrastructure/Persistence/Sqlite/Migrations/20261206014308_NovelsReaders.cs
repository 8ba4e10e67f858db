using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NovelsReaders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "novels_bookmarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    NovelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    List = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_bookmarks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_novels_bookmarks_identity_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "identity_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_novels_bookmarks_novels_novels_NovelId",
                        column: x => x.NovelId,
                        principalTable: "novels_novels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "novels_reading_progress",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    NovelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChapterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChapterNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_novels_reading_progress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_novels_reading_progress_identity_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "identity_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_novels_reading_progress_novels_chapters_ChapterId",
                        column: x => x.ChapterId,
                        principalTable: "novels_chapters",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_novels_reading_progress_novels_novels_NovelId",
                        column: x => x.NovelId,
                        principalTable: "novels_novels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_novels_bookmarks_AccountId_CreatedAt_NovelId",
                table: "novels_bookmarks",
                columns: new[] { "AccountId", "CreatedAt", "NovelId" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_bookmarks_AccountId_NovelId",
                table: "novels_bookmarks",
                columns: new[] { "AccountId", "NovelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_bookmarks_AccountId_UpdatedAt_NovelId",
                table: "novels_bookmarks",
                columns: new[] { "AccountId", "UpdatedAt", "NovelId" });

            migrationBuilder.CreateIndex(
                name: "IX_novels_bookmarks_NovelId",
                table: "novels_bookmarks",
                column: "NovelId");

            migrationBuilder.CreateIndex(
                name: "IX_novels_reading_progress_AccountId_NovelId",
                table: "novels_reading_progress",
                columns: new[] { "AccountId", "NovelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_novels_reading_progress_ChapterId",
                table: "novels_reading_progress",
                column: "ChapterId");

            migrationBuilder.CreateIndex(
                name: "IX_novels_reading_progress_NovelId",
                table: "novels_reading_progress",
                column: "NovelId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "novels_bookmarks");

            migrationBuilder.DropTable(
                name: "novels_reading_progress");
        }
    }
}
