using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignInThrottleAndBoundedRefreshFamilies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CurrentIssuedAt",
                table: "identity_refresh_families",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "CurrentTokenHash",
                table: "identity_refresh_families",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PreviousTokenHash",
                table: "identity_refresh_families",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SealedCurrentToken",
                table: "identity_refresh_families",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "identity_signin_throttle",
                columns: table => new
                {
                    Subject = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    DelayMs = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedUntilMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_signin_throttle", x => new { x.Subject, x.Address });
                });

            // Each family keeps the hash of its unused token as its current one and that of its most
            // recently used token as its previous one (no sealed pair: a replay of it is reuse), so that
            // sessions survive the upgrade; older hashes are dropped with the table.
            migrationBuilder.Sql("""
                UPDATE "identity_refresh_families" SET
                    "CurrentTokenHash" = COALESCE(
                        (SELECT t."Hash" FROM "identity_refresh_tokens" AS t WHERE t."FamilyId" = "identity_refresh_families"."Id" AND t."UsedAt" IS NULL ORDER BY t."IssuedAt" DESC LIMIT 1),
                        'legacy-' || "Id"),
                    "CurrentIssuedAt" = COALESCE(
                        (SELECT t."IssuedAt" FROM "identity_refresh_tokens" AS t WHERE t."FamilyId" = "identity_refresh_families"."Id" AND t."UsedAt" IS NULL ORDER BY t."IssuedAt" DESC LIMIT 1),
                        "LastUsedAt"),
                    "PreviousTokenHash" =
                        (SELECT t."Hash" FROM "identity_refresh_tokens" AS t WHERE t."FamilyId" = "identity_refresh_families"."Id" AND t."UsedAt" IS NOT NULL ORDER BY t."UsedAt" DESC LIMIT 1);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_identity_refresh_families_CurrentTokenHash",
                table: "identity_refresh_families",
                column: "CurrentTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_refresh_families_PreviousTokenHash",
                table: "identity_refresh_families",
                column: "PreviousTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_identity_signin_throttle_LastAttemptMs",
                table: "identity_signin_throttle",
                column: "LastAttemptMs");

            migrationBuilder.DropTable(
                name: "identity_refresh_tokens");

            migrationBuilder.DropColumn(
                name: "FailedSignInCount",
                table: "identity_accounts");

            migrationBuilder.DropColumn(
                name: "FailedSignInWindowStartedAt",
                table: "identity_accounts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_signin_throttle");

            migrationBuilder.DropIndex(
                name: "IX_identity_refresh_families_CurrentTokenHash",
                table: "identity_refresh_families");

            migrationBuilder.DropIndex(
                name: "IX_identity_refresh_families_PreviousTokenHash",
                table: "identity_refresh_families");

            migrationBuilder.CreateTable(
                name: "identity_refresh_tokens",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FamilyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_refresh_tokens", x => x.Hash);
                    table.ForeignKey(
                        name: "FK_identity_refresh_tokens_identity_refresh_families_FamilyId",
                        column: x => x.FamilyId,
                        principalTable: "identity_refresh_families",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identity_refresh_tokens_FamilyId",
                table: "identity_refresh_tokens",
                column: "FamilyId");

            migrationBuilder.Sql("""
                INSERT INTO "identity_refresh_tokens" ("Hash", "FamilyId", "IssuedAt", "UsedAt")
                SELECT "CurrentTokenHash", "Id", "CurrentIssuedAt", NULL FROM "identity_refresh_families";
                INSERT INTO "identity_refresh_tokens" ("Hash", "FamilyId", "IssuedAt", "UsedAt")
                SELECT "PreviousTokenHash", "Id", "CreatedAt", "CurrentIssuedAt" FROM "identity_refresh_families" WHERE "PreviousTokenHash" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "CurrentIssuedAt",
                table: "identity_refresh_families");

            migrationBuilder.DropColumn(
                name: "CurrentTokenHash",
                table: "identity_refresh_families");

            migrationBuilder.DropColumn(
                name: "PreviousTokenHash",
                table: "identity_refresh_families");

            migrationBuilder.DropColumn(
                name: "SealedCurrentToken",
                table: "identity_refresh_families");

            migrationBuilder.AddColumn<int>(
                name: "FailedSignInCount",
                table: "identity_accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "FailedSignInWindowStartedAt",
                table: "identity_accounts",
                type: "INTEGER",
                nullable: true);
        }
    }
}
