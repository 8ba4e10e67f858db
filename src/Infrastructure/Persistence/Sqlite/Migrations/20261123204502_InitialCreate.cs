using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_accounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Username = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NormalizedUsername = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AvatarUrl = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    TelegramId = table.Column<long>(type: "INTEGER", nullable: true),
                    TelegramUsername = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TelegramFirstName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TelegramLastName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TelegramLanguageCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    TelegramPhotoUrl = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    TelegramIsPremium = table.Column<bool>(type: "INTEGER", nullable: true),
                    Roles = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastLoginAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FailedSignInCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedSignInWindowStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_accounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "identity_refresh_families",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_refresh_families", x => x.Id);
                    table.ForeignKey(
                        name: "FK_identity_refresh_families_identity_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "identity_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identity_refresh_tokens",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FamilyId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                name: "IX_identity_accounts_Key",
                table: "identity_accounts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_accounts_NormalizedEmail",
                table: "identity_accounts",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_accounts_NormalizedUsername",
                table: "identity_accounts",
                column: "NormalizedUsername",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_accounts_TelegramId",
                table: "identity_accounts",
                column: "TelegramId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_identity_refresh_families_AccountId",
                table: "identity_refresh_families",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_identity_refresh_tokens_FamilyId",
                table: "identity_refresh_tokens",
                column: "FamilyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_refresh_tokens");

            migrationBuilder.DropTable(
                name: "identity_refresh_families");

            migrationBuilder.DropTable(
                name: "identity_accounts");
        }
    }
}
