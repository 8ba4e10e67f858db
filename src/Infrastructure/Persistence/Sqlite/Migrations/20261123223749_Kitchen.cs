using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Kitchen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kitchen_locations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RequiredRank = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceMultiplier = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kitchen_locations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "kitchen_ranks",
                columns: table => new
                {
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    XpToNext = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kitchen_ranks", x => x.Rank);
                });

            migrationBuilder.CreateTable(
                name: "kitchen_sessions",
                columns: table => new
                {
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    Money = table.Column<long>(type: "INTEGER", nullable: false),
                    MoneyRemainderMilli = table.Column<long>(type: "INTEGER", nullable: false),
                    Dishes = table.Column<long>(type: "INTEGER", nullable: false),
                    XpMilli = table.Column<long>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    PrestigePoints = table.Column<long>(type: "INTEGER", nullable: false),
                    RunEarnings = table.Column<long>(type: "INTEGER", nullable: false),
                    LifetimeEarnings = table.Column<long>(type: "INTEGER", nullable: false),
                    TutorialStep = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAccountedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpgradeLevels = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kitchen_sessions", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_kitchen_sessions_identity_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "identity_accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "kitchen_upgrades",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Effect = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EffectPerLevel = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    BasePrice = table.Column<long>(type: "INTEGER", nullable: false),
                    PriceGrowth = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    MaxLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredRank = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kitchen_upgrades", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_kitchen_sessions_PrestigePoints_LifetimeEarnings",
                table: "kitchen_sessions",
                columns: new[] { "PrestigePoints", "LifetimeEarnings" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kitchen_locations");

            migrationBuilder.DropTable(
                name: "kitchen_ranks");

            migrationBuilder.DropTable(
                name: "kitchen_sessions");

            migrationBuilder.DropTable(
                name: "kitchen_upgrades");
        }
    }
}
