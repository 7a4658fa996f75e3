using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Complaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    ConversationId = table.Column<long>(type: "bigint", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AttachmentPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AttachmentContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AttachmentFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    AttachmentSize = table.Column<long>(type: "bigint", nullable: true),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    ReporterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerificationDue = table.Column<DateOnly>(type: "date", nullable: false),
                    AnswerDue = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedByOfficerId = table.Column<int>(type: "integer", nullable: true),
                    Direction = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResponsibleOfficerId = table.Column<int>(type: "integer", nullable: true),
                    FollowedUpAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FollowedUpByOfficerId = table.Column<int>(type: "integer", nullable: true),
                    FollowUpKind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    FollowUpNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByOfficerId = table.Column<int>(type: "integer", nullable: true),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SurveyScore = table.Column<int>(type: "integer", nullable: true),
                    SurveyComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SurveyAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Officers_ClosedByOfficerId",
                        column: x => x.ClosedByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Officers_FollowedUpByOfficerId",
                        column: x => x.FollowedUpByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Officers_ResponsibleOfficerId",
                        column: x => x.ResponsibleOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Officers_ReviewedByOfficerId",
                        column: x => x.ReviewedByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Complaints_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ClosedByOfficerId",
                table: "Complaints",
                column: "ClosedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Code",
                table: "Complaints",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ConversationId",
                table: "Complaints",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_FollowedUpByOfficerId",
                table: "Complaints",
                column: "FollowedUpByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OfficeId_Status_ReceivedAt",
                table: "Complaints",
                columns: new[] { "OfficeId", "Status", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ResponsibleOfficerId",
                table: "Complaints",
                column: "ResponsibleOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReviewedByOfficerId",
                table: "Complaints",
                column: "ReviewedByOfficerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Complaints");
        }
    }
}
