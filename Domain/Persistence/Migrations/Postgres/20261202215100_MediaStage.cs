using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MediaStage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MediaRefused",
                table: "InboundMessages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            // WhatsApp messages with files that were waiting for their turn when the service was upgraded
            // now get their files from the media stage, like every new one.
            migrationBuilder.Sql("""
                UPDATE "InboundMessages" SET "Status" = 'AwaitingMedia'
                WHERE "Status" = 'Pending' AND "Channel" = 'WhatsApp' AND "Attachments" IS NULL AND "Payload" LIKE '%"MediaUrl0"%'
                """);

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_Status_NextAttemptAt",
                table: "OutboundMessages",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboundMessages_Status_NextAttemptAt",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "MediaRefused",
                table: "InboundMessages");
        }
    }
}
