using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Social : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "social_gifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceiverId = table.Column<long>(type: "INTEGER", nullable: false),
                    GiftType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Price = table.Column<long>(type: "INTEGER", nullable: false),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TransactionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_social_gifts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "social_linguistic_ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaterId = table.Column<long>(type: "INTEGER", nullable: false),
                    RatedUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_social_linguistic_ratings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "social_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReportedUserId = table.Column<long>(type: "INTEGER", nullable: false),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InterimRestrictionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_social_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_social_gifts_ReceiverId",
                table: "social_gifts",
                column: "ReceiverId");

            migrationBuilder.CreateIndex(
                name: "IX_social_gifts_SenderId",
                table: "social_gifts",
                column: "SenderId");

            migrationBuilder.CreateIndex(
                name: "IX_social_gifts_TransactionId",
                table: "social_gifts",
                column: "TransactionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_social_linguistic_ratings_GameId_RaterId_RatedUserId_Language",
                table: "social_linguistic_ratings",
                columns: new[] { "GameId", "RaterId", "RatedUserId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_social_linguistic_ratings_RatedUserId_Language",
                table: "social_linguistic_ratings",
                columns: new[] { "RatedUserId", "Language" });

            migrationBuilder.CreateIndex(
                name: "IX_social_reports_GameId_ReporterId_ReportedUserId",
                table: "social_reports",
                columns: new[] { "GameId", "ReporterId", "ReportedUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_social_reports_InterimRestrictionId",
                table: "social_reports",
                column: "InterimRestrictionId",
                filter: "InterimRestrictionId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_social_reports_ReportedUserId_Status_ReportedAt",
                table: "social_reports",
                columns: new[] { "ReportedUserId", "Status", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_social_reports_ReporterId",
                table: "social_reports",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_social_reports_Status_ReportedAt",
                table: "social_reports",
                columns: new[] { "Status", "ReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "social_gifts");

            migrationBuilder.DropTable(
                name: "social_linguistic_ratings");

            migrationBuilder.DropTable(
                name: "social_reports");
        }
    }
}
