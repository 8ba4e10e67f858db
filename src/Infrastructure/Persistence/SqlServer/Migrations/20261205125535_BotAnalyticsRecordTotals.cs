using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BotAnalyticsRecordTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bot_analytics_rollups_counts",
                table: "bot_analytics_rollups");

            migrationBuilder.AddColumn<long>(
                name: "AllPayments",
                table: "bot_analytics_rollups",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "AllSubscriptions",
                table: "bot_analytics_rollups",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_rollups_covering",
                table: "bot_analytics_rollups",
                columns: new[] { "BotId", "Bucket", "Currency", "Registrations", "Payments", "PricedPayments", "Revenue", "RecurringRevenue", "Keys", "Renewals", "Trials", "ConvertedTrials", "Churned", "ActiveUsers", "AllPayments", "AllSubscriptions" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_bot_analytics_rollups_covering",
                table: "bot_analytics_rollups");

            migrationBuilder.DropColumn(
                name: "AllPayments",
                table: "bot_analytics_rollups");

            migrationBuilder.DropColumn(
                name: "AllSubscriptions",
                table: "bot_analytics_rollups");

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_rollups_counts",
                table: "bot_analytics_rollups",
                columns: new[] { "BotId", "Currency", "Bucket", "Registrations", "Payments", "Trials", "Keys", "Renewals" });
        }
    }
}
