using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StageChangeOfficer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OfficerId",
                table: "LitmasStageChanges",
                type: "integer",
                nullable: true);

            // Changes recorded before: the officer is the one whose user name they kept (imports stay without one).
            migrationBuilder.Sql("""UPDATE "LitmasStageChanges" SET "OfficerId" = (SELECT o."Id" FROM "Officers" o WHERE o."UserName" = "LitmasStageChanges"."By")""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OfficerId",
                table: "LitmasStageChanges");
        }
    }
}
