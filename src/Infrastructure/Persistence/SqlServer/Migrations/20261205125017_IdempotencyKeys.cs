using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_idempotency_keys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AccountId = table.Column<long>(type: "bigint", nullable: false),
                    Route = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    Key = table.Column<string>(type: "varchar(255)", unicode: false, maxLength: 255, nullable: false),
                    Fingerprint = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    Lease = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReservedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Applied = table.Column<bool>(type: "bit", nullable: false),
                    ResponseStatus = table.Column<int>(type: "int", nullable: true),
                    ResponseContentType = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ResponseBody = table.Column<byte[]>(type: "varbinary(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_idempotency_keys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_idempotency_keys_AccountId_Route_Key",
                table: "platform_idempotency_keys",
                columns: new[] { "AccountId", "Route", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_idempotency_keys_ExpiresAt",
                table: "platform_idempotency_keys",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_idempotency_keys");
        }
    }
}
