using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IntegrationRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntegrationRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    ReferenceCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ConversationId = table.Column<long>(type: "bigint", nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Relationship = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Programme = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    GuarantorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GuarantorRelationship = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    GuarantorAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    GuarantorPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    InmateName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    KtpPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    KtpContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    KtpBytes = table.Column<long>(type: "bigint", nullable: false),
                    AnswerText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConsentedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    MatchedInmateId = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntegrationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntegrationRequests_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_IntegrationRequests_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationRequests_ConversationId",
                table: "IntegrationRequests",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationRequests_ErasedAt_ClosedAt",
                table: "IntegrationRequests",
                columns: new[] { "ErasedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationRequests_OfficeId_Status",
                table: "IntegrationRequests",
                columns: new[] { "OfficeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_IntegrationRequests_ReferenceCode",
                table: "IntegrationRequests",
                column: "ReferenceCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IntegrationRequests");
        }
    }
}
