using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RequestEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestEvents_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_Kind_Code_Id",
                table: "RequestEvents",
                columns: new[] { "Kind", "Code", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_OfficeId",
                table: "RequestEvents",
                column: "OfficeId");

            // Who took each step so far moves into the history before the per-step columns go.
            foreach (var statement in RequestHistorySql.Statements)
            {
                migrationBuilder.Sql(statement);
            }

            migrationBuilder.DropForeignKey(
                name: "FK_Complaints_Officers_ClosedByOfficerId",
                table: "Complaints");

            migrationBuilder.DropForeignKey(
                name: "FK_Complaints_Officers_FollowedUpByOfficerId",
                table: "Complaints");

            migrationBuilder.DropForeignKey(
                name: "FK_Complaints_Officers_ReviewedByOfficerId",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ClosedByOfficerId",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_FollowedUpByOfficerId",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ReviewedByOfficerId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "IntegrationRequests");

            migrationBuilder.DropColumn(
                name: "VerifiedBy",
                table: "IntegrationRequests");

            migrationBuilder.DropColumn(
                name: "ClosedByOfficerId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "FollowedUpByOfficerId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ReviewedByOfficerId",
                table: "Complaints");

            migrationBuilder.AddColumn<bool>(
                name: "SystemTurn",
                table: "InboundMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RequestEvents");

            migrationBuilder.DropColumn(
                name: "SystemTurn",
                table: "InboundMessages");

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "IntegrationRequests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedBy",
                table: "IntegrationRequests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosedByOfficerId",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowedUpByOfficerId",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewedByOfficerId",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ClosedByOfficerId",
                table: "Complaints",
                column: "ClosedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_FollowedUpByOfficerId",
                table: "Complaints",
                column: "FollowedUpByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReviewedByOfficerId",
                table: "Complaints",
                column: "ReviewedByOfficerId");

            migrationBuilder.AddForeignKey(
                name: "FK_Complaints_Officers_ClosedByOfficerId",
                table: "Complaints",
                column: "ClosedByOfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Complaints_Officers_FollowedUpByOfficerId",
                table: "Complaints",
                column: "FollowedUpByOfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Complaints_Officers_ReviewedByOfficerId",
                table: "Complaints",
                column: "ReviewedByOfficerId",
                principalTable: "Officers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
