using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MafiaLobbySeats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_mafia_lobby_members_AccountId",
                table: "mafia_lobby_members");

            migrationBuilder.AddColumn<bool>(
                name: "Seated",
                table: "mafia_lobby_members",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Members of lobbies still open hold their seats.
            migrationBuilder.Sql("UPDATE mafia_lobby_members SET Seated = 1 WHERE LobbyId IN (SELECT Id FROM mafia_lobbies WHERE Status = 'Open')");

            migrationBuilder.CreateIndex(
                name: "IX_mafia_lobby_members_seated_account",
                table: "mafia_lobby_members",
                column: "AccountId",
                unique: true,
                filter: "Seated = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_mafia_lobby_members_seated_account",
                table: "mafia_lobby_members");

            migrationBuilder.DropColumn(
                name: "Seated",
                table: "mafia_lobby_members");

            migrationBuilder.CreateIndex(
                name: "IX_mafia_lobby_members_AccountId",
                table: "mafia_lobby_members",
                column: "AccountId");
        }
    }
}
