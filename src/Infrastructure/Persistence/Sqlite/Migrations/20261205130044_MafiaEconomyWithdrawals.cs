using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MafiaEconomyWithdrawals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_economy_ledger_entries",
                table: "economy_ledger_entries");

            migrationBuilder.AddColumn<int>(
                name: "Id",
                table: "economy_ledger_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0)
                .Annotation("Sqlite:Autoincrement", true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_economy_ledger_entries",
                table: "economy_ledger_entries",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_economy_transactions_Status_Kind_CreatedAt",
                table: "economy_transactions",
                columns: new[] { "Status", "Kind", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_economy_ledger_entries_TransactionId",
                table: "economy_ledger_entries",
                column: "TransactionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_economy_transactions_Status_Kind_CreatedAt",
                table: "economy_transactions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_economy_ledger_entries",
                table: "economy_ledger_entries");

            migrationBuilder.DropIndex(
                name: "IX_economy_ledger_entries_TransactionId",
                table: "economy_ledger_entries");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "economy_ledger_entries");

            migrationBuilder.AddPrimaryKey(
                name: "PK_economy_ledger_entries",
                table: "economy_ledger_entries",
                columns: new[] { "TransactionId", "AccountId" });
        }
    }
}
