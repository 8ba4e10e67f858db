using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PagingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_kitchen_sessions_PrestigePoints_LifetimeEarnings",
                table: "kitchen_sessions");

            migrationBuilder.CreateIndex(
                name: "IX_mafia_games_active",
                table: "mafia_games",
                columns: new[] { "StartedAt", "Id" },
                descending: new[] { true, false },
                filter: "Phase <> 'Ended'");

            migrationBuilder.CreateIndex(
                name: "IX_kitchen_sessions_ranking",
                table: "kitchen_sessions",
                columns: new[] { "PrestigePoints", "LifetimeEarnings", "AccountId" },
                descending: new[] { true, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_mafia_games_active",
                table: "mafia_games");

            migrationBuilder.DropIndex(
                name: "IX_kitchen_sessions_ranking",
                table: "kitchen_sessions");

            migrationBuilder.CreateIndex(
                name: "IX_kitchen_sessions_PrestigePoints_LifetimeEarnings",
                table: "kitchen_sessions",
                columns: new[] { "PrestigePoints", "LifetimeEarnings" });
        }
    }
}
