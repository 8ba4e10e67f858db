using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BotAnalyticsRollupCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_rollups_counts",
                table: "bot_analytics_rollups",
                columns: new[] { "BotId", "Currency", "Bucket", "Registrations", "Payments", "Trials", "Keys", "Renewals" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bot_analytics_rollups_counts",
                table: "bot_analytics_rollups");
        }
    }
}
