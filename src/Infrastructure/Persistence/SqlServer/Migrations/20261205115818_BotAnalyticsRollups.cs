using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BotAnalyticsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bot_analytics_rollups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    BotId = table.Column<long>(type: "bigint", nullable: false),
                    Bucket = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Registrations = table.Column<long>(type: "bigint", nullable: false),
                    Payments = table.Column<long>(type: "bigint", nullable: false),
                    PricedPayments = table.Column<long>(type: "bigint", nullable: false),
                    Revenue = table.Column<long>(type: "bigint", nullable: false),
                    RecurringRevenue = table.Column<long>(type: "bigint", nullable: false),
                    Keys = table.Column<long>(type: "bigint", nullable: false),
                    Renewals = table.Column<long>(type: "bigint", nullable: false),
                    Trials = table.Column<long>(type: "bigint", nullable: false),
                    ConvertedTrials = table.Column<long>(type: "bigint", nullable: false),
                    Churned = table.Column<long>(type: "bigint", nullable: false),
                    ActiveUsers = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_analytics_rollups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bot_analytics_rollups_bot_analytics_bots_BotId",
                        column: x => x.BotId,
                        principalTable: "bot_analytics_bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_subscriptions_BotId_Status_StopDate",
                table: "bot_analytics_subscriptions",
                columns: new[] { "BotId", "Status", "StopDate" });

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_subscriptions_BotId_StopDate",
                table: "bot_analytics_subscriptions",
                columns: new[] { "BotId", "StopDate" });

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_subscriptions_BotId_UserId",
                table: "bot_analytics_subscriptions",
                columns: new[] { "BotId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_payments_BotId_UserId",
                table: "bot_analytics_payments",
                columns: new[] { "BotId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_rollups_BotId_Bucket_Currency",
                table: "bot_analytics_rollups",
                columns: new[] { "BotId", "Bucket", "Currency" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bot_analytics_rollups");

            migrationBuilder.DropIndex(
                name: "IX_bot_analytics_subscriptions_BotId_Status_StopDate",
                table: "bot_analytics_subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_bot_analytics_subscriptions_BotId_StopDate",
                table: "bot_analytics_subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_bot_analytics_subscriptions_BotId_UserId",
                table: "bot_analytics_subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_bot_analytics_payments_BotId_UserId",
                table: "bot_analytics_payments");
        }
    }
}
