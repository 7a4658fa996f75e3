using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LitmasCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LitmasCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NumberKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ClientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PkName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Institution = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StageUpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LetterReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LitmasCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LitmasCases_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LitmasStageChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToStage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LitmasStageChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LitmasStageChanges_LitmasCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "LitmasCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LitmasSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LitmasSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LitmasSubscriptions_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LitmasSubscriptions_LitmasCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "LitmasCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LitmasCases_OfficeId_NumberKey",
                table: "LitmasCases",
                columns: new[] { "OfficeId", "NumberKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LitmasCases_OfficeId_Stage",
                table: "LitmasCases",
                columns: new[] { "OfficeId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_LitmasStageChanges_CaseId_Id",
                table: "LitmasStageChanges",
                columns: new[] { "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_LitmasSubscriptions_CaseId_ConversationId",
                table: "LitmasSubscriptions",
                columns: new[] { "CaseId", "ConversationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LitmasSubscriptions_ConversationId",
                table: "LitmasSubscriptions",
                column: "ConversationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LitmasStageChanges");

            migrationBuilder.DropTable(
                name: "LitmasSubscriptions");

            migrationBuilder.DropTable(
                name: "LitmasCases");
        }
    }
}
