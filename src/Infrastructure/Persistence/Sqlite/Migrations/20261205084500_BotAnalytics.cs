using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BotAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bot_analytics_bots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TelegramBotId = table.Column<long>(type: "INTEGER", nullable: false),
                    Username = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AdminId = table.Column<long>(type: "INTEGER", nullable: false),
                    RefPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Balance = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Meta = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    IngestKeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IngestKeyRotatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_analytics_bots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "bot_analytics_payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<long>(type: "INTEGER", nullable: false),
                    BillId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Date = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Meta = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_analytics_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bot_analytics_payments_bot_analytics_bots_BotId",
                        column: x => x.BotId,
                        principalTable: "bot_analytics_bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bot_analytics_subscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubUid = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Uid = table.Column<long>(type: "INTEGER", nullable: true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    StartDate = table.Column<long>(type: "INTEGER", nullable: false),
                    StopDate = table.Column<long>(type: "INTEGER", nullable: true),
                    IsTrial = table.Column<bool>(type: "INTEGER", nullable: true),
                    Keys = table.Column<int>(type: "INTEGER", nullable: true),
                    Meta = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_analytics_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bot_analytics_subscriptions_bot_analytics_bots_BotId",
                        column: x => x.BotId,
                        principalTable: "bot_analytics_bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "bot_analytics_users",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BotId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Username = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RegDate = table.Column<long>(type: "INTEGER", nullable: false),
                    RefPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Meta = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bot_analytics_users", x => x.Id);
                    table.ForeignKey(
                        name: "FK_bot_analytics_users_bot_analytics_bots_BotId",
                        column: x => x.BotId,
                        principalTable: "bot_analytics_bots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_bots_AdminId",
                table: "bot_analytics_bots",
                column: "AdminId");

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_bots_TelegramBotId",
                table: "bot_analytics_bots",
                column: "TelegramBotId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_payments_BotId_BillId",
                table: "bot_analytics_payments",
                columns: new[] { "BotId", "BillId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_payments_bot_date",
                table: "bot_analytics_payments",
                columns: new[] { "BotId", "Date", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_subscriptions_BotId_SubUid",
                table: "bot_analytics_subscriptions",
                columns: new[] { "BotId", "SubUid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_subscriptions_bot_start_date",
                table: "bot_analytics_subscriptions",
                columns: new[] { "BotId", "StartDate", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_subscriptions_bot_status_start_date",
                table: "bot_analytics_subscriptions",
                columns: new[] { "BotId", "Status", "StartDate", "Id" },
                descending: new[] { false, false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_users_BotId_UserId",
                table: "bot_analytics_users",
                columns: new[] { "BotId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bot_analytics_users_bot_reg_date",
                table: "bot_analytics_users",
                columns: new[] { "BotId", "RegDate", "Id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bot_analytics_payments");

            migrationBuilder.DropTable(
                name: "bot_analytics_subscriptions");

            migrationBuilder.DropTable(
                name: "bot_analytics_users");

            migrationBuilder.DropTable(
                name: "bot_analytics_bots");
        }
    }
}
