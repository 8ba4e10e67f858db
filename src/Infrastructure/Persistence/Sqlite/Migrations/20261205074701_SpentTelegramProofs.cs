using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SpentTelegramProofs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "identity_spent_telegram_proofs",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_identity_spent_telegram_proofs", x => x.Hash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_identity_spent_telegram_proofs_ExpiresAt",
                table: "identity_spent_telegram_proofs",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "identity_spent_telegram_proofs");
        }
    }
}
