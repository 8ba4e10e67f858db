using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MafiaGameRewardsCredit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RewardNote",
                table: "mafia_games",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RewardsCreditedAt",
                table: "mafia_games",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "economy_transactions",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_mafia_games_rewards_due",
                table: "mafia_games",
                column: "EndedAt",
                filter: "Phase = 'Ended' AND RewardsCreditedAt IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_economy_transactions_Reference",
                table: "economy_transactions",
                column: "Reference",
                unique: true,
                filter: "Reference IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_mafia_games_rewards_due",
                table: "mafia_games");

            migrationBuilder.DropIndex(
                name: "IX_economy_transactions_Reference",
                table: "economy_transactions");

            migrationBuilder.DropColumn(
                name: "RewardNote",
                table: "mafia_games");

            migrationBuilder.DropColumn(
                name: "RewardsCreditedAt",
                table: "mafia_games");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "economy_transactions");
        }
    }
}
