using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MafiaVoiceRooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mafia_voice_rooms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GameId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_voice_rooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mafia_voice_rooms_mafia_games_GameId",
                        column: x => x.GameId,
                        principalTable: "mafia_games",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mafia_voice_rooms_GameId",
                table: "mafia_voice_rooms",
                column: "GameId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mafia_voice_rooms");
        }
    }
}
