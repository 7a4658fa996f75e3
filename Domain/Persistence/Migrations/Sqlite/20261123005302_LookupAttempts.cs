using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LookupAttempts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LookupAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Found = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookupAttempts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LookupAttempts_At",
                table: "LookupAttempts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_LookupAttempts_Kind_OfficeId_Channel_Sender_At",
                table: "LookupAttempts",
                columns: new[] { "Kind", "OfficeId", "Channel", "Sender", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LookupAttempts");
        }
    }
}
