using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MafiaEconomyLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "economy_transactions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlayerId = table.Column<long>(type: "INTEGER", nullable: false),
                    WalletId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CounterpartyId = table.Column<long>(type: "INTEGER", nullable: true),
                    CounterpartyWalletId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    TxHash = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EarnerWalletId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_economy_transactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "economy_wallets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Balance = table.Column<long>(type: "INTEGER", nullable: false),
                    TonAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    JettonWallet = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalEarned = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionCount = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_economy_wallets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "economy_ledger_entries",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TransactionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_economy_ledger_entries", x => new { x.TransactionId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_economy_ledger_entries_economy_transactions_TransactionId",
                        column: x => x.TransactionId,
                        principalTable: "economy_transactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_economy_ledger_entries_AccountId",
                table: "economy_ledger_entries",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_economy_transactions_CounterpartyWalletId_CreatedAt",
                table: "economy_transactions",
                columns: new[] { "CounterpartyWalletId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_economy_transactions_CreatedAt_EarnerWalletId_Amount",
                table: "economy_transactions",
                columns: new[] { "CreatedAt", "EarnerWalletId", "Amount" });

            migrationBuilder.CreateIndex(
                name: "IX_economy_transactions_WalletId_CreatedAt",
                table: "economy_transactions",
                columns: new[] { "WalletId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_economy_wallets_Balance_OwnerId",
                table: "economy_wallets",
                columns: new[] { "Balance", "OwnerId" },
                descending: new[] { true, false });

            migrationBuilder.CreateIndex(
                name: "IX_economy_wallets_OwnerId",
                table: "economy_wallets",
                column: "OwnerId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "economy_ledger_entries");

            migrationBuilder.DropTable(
                name: "economy_wallets");

            migrationBuilder.DropTable(
                name: "economy_transactions");
        }
    }
}
