using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanGames.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KitchenRevisionAndMafiaGames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "Revision",
                table: "kitchen_sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "mafia_games",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LobbyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MafiaCount = table.Column<int>(type: "INTEGER", nullable: true),
                    WithDoctor = table.Column<bool>(type: "INTEGER", nullable: true),
                    WithDetective = table.Column<bool>(type: "INTEGER", nullable: true),
                    NightSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DaySeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    VotingSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DayCount = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PhaseStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PhaseDeadline = table.Column<long>(type: "INTEGER", nullable: true),
                    PhaseStartedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Winner = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DealSeed = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DealCommitment = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_games", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mafia_lobbies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InviteCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MaxPlayers = table.Column<int>(type: "INTEGER", nullable: false),
                    MafiaCount = table.Column<int>(type: "INTEGER", nullable: true),
                    WithDoctor = table.Column<bool>(type: "INTEGER", nullable: true),
                    WithDetective = table.Column<bool>(type: "INTEGER", nullable: true),
                    NightSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    DaySeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    VotingSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_lobbies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "mafia_game_actions",
                columns: table => new
                {
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PlayerId = table.Column<long>(type: "INTEGER", nullable: true),
                    ActionType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_game_actions", x => new { x.GameId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_mafia_game_actions_mafia_games_GameId",
                        column: x => x.GameId,
                        principalTable: "mafia_games",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mafia_game_players",
                columns: table => new
                {
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IsAlive = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeathReason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DiedOnDay = table.Column<int>(type: "INTEGER", nullable: true),
                    MissedTurns = table.Column<int>(type: "INTEGER", nullable: false),
                    LastHealedTarget = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_game_players", x => new { x.GameId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_mafia_game_players_mafia_games_GameId",
                        column: x => x.GameId,
                        principalTable: "mafia_games",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mafia_game_rewards",
                columns: table => new
                {
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Won = table.Column<bool>(type: "INTEGER", nullable: false),
                    Survived = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_game_rewards", x => new { x.GameId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_mafia_game_rewards_mafia_games_GameId",
                        column: x => x.GameId,
                        principalTable: "mafia_games",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mafia_night_actions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PhaseNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: false),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_night_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mafia_night_actions_mafia_games_GameId",
                        column: x => x.GameId,
                        principalTable: "mafia_games",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mafia_votes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PhaseNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    VoterId = table.Column<long>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<long>(type: "INTEGER", nullable: true),
                    GameId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mafia_votes_mafia_games_GameId",
                        column: x => x.GameId,
                        principalTable: "mafia_games",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "mafia_lobby_members",
                columns: table => new
                {
                    AccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    LobbyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ready = table.Column<bool>(type: "INTEGER", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mafia_lobby_members", x => new { x.LobbyId, x.AccountId });
                    table.ForeignKey(
                        name: "FK_mafia_lobby_members_mafia_lobbies_LobbyId",
                        column: x => x.LobbyId,
                        principalTable: "mafia_lobbies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mafia_game_players_AccountId",
                table: "mafia_game_players",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_mafia_games_Phase",
                table: "mafia_games",
                column: "Phase");

            migrationBuilder.CreateIndex(
                name: "IX_mafia_lobbies_InviteCode",
                table: "mafia_lobbies",
                column: "InviteCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_mafia_lobby_members_AccountId",
                table: "mafia_lobby_members",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_mafia_night_actions_GameId",
                table: "mafia_night_actions",
                column: "GameId");

            migrationBuilder.CreateIndex(
                name: "IX_mafia_votes_GameId",
                table: "mafia_votes",
                column: "GameId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mafia_game_actions");

            migrationBuilder.DropTable(
                name: "mafia_game_players");

            migrationBuilder.DropTable(
                name: "mafia_game_rewards");

            migrationBuilder.DropTable(
                name: "mafia_lobby_members");

            migrationBuilder.DropTable(
                name: "mafia_night_actions");

            migrationBuilder.DropTable(
                name: "mafia_votes");

            migrationBuilder.DropTable(
                name: "mafia_lobbies");

            migrationBuilder.DropTable(
                name: "mafia_games");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "kitchen_sessions");
        }
    }
}
