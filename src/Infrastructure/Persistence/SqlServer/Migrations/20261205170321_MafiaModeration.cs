using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MafiaModeration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "moderation_bans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    IssuedBy = table.Column<long>(type: "bigint", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Evidence = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AppealStatus = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AppealText = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AppealedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Notes = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndReason = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_bans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "moderation_log",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActorId = table.Column<long>(type: "bigint", nullable: true),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TargetUserId = table.Column<long>(type: "bigint", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_log", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "moderation_restrictions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Value = table.Column<int>(type: "int", nullable: true),
                    IssuedBy = table.Column<long>(type: "bigint", nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_restrictions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "moderation_warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Severity = table.Column<int>(type: "int", nullable: false),
                    IssuedBy = table.Column<long>(type: "bigint", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_moderation_warnings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_moderation_bans_UserId_EndedAt",
                table: "moderation_bans",
                columns: new[] { "UserId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_moderation_bans_due",
                table: "moderation_bans",
                column: "ExpiresAt",
                filter: "EndedAt IS NULL AND ExpiresAt IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_moderation_log_At",
                table: "moderation_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_moderation_log_TargetUserId_At",
                table: "moderation_log",
                columns: new[] { "TargetUserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_moderation_restrictions_UserId_EndedAt",
                table: "moderation_restrictions",
                columns: new[] { "UserId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_moderation_restrictions_due",
                table: "moderation_restrictions",
                column: "ExpiresAt",
                filter: "EndedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_moderation_warnings_UserId_IssuedAt",
                table: "moderation_warnings",
                columns: new[] { "UserId", "IssuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "moderation_bans");

            migrationBuilder.DropTable(
                name: "moderation_log");

            migrationBuilder.DropTable(
                name: "moderation_restrictions");

            migrationBuilder.DropTable(
                name: "moderation_warnings");
        }
    }
}
