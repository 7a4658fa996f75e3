using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OfficeSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Offices",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppliedDefaults",
                table: "Offices",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Holidays",
                table: "Offices",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Offices",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegionOfficeId",
                table: "Offices",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Offices_RegionOfficeId",
                table: "Offices",
                column: "RegionOfficeId");

            migrationBuilder.AddForeignKey(
                name: "FK_Offices_Offices_RegionOfficeId",
                table: "Offices",
                column: "RegionOfficeId",
                principalTable: "Offices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Offices_Offices_RegionOfficeId",
                table: "Offices");

            migrationBuilder.DropIndex(
                name: "IX_Offices_RegionOfficeId",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "AppliedDefaults",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Holidays",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "RegionOfficeId",
                table: "Offices");
        }
    }
}
