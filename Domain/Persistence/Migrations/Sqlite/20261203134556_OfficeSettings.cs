using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppliedDefaults",
                table: "Offices",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Holidays",
                table: "Offices",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Offices",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegionOfficeId",
                table: "Offices",
                type: "INTEGER",
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
