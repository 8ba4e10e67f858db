using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MatchmakingQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mafia_queue",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnheardSince = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_queue", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mafia_queue_waiting",
                table: "mafia_queue",
                column: "JoinedAt",
                filter: "Status = 'Waiting'");

            migrationBuilder.CreateIndex(
                name: "IX_mafia_queue_waiting_account",
                table: "mafia_queue",
                column: "AccountId",
                unique: true,
                filter: "Status = 'Waiting'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mafia_queue");
        }
    }
}
