using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.SqlServer.Migrations
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
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
