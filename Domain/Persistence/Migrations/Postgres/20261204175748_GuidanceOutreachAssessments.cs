using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GuidanceOutreachAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "NewInformationOn",
                table: "Clients",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssessmentReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Stage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    OfficerId = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentReminders_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentReminders_Officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessorOfficerId = table.Column<int>(type: "integer", nullable: false),
                    Risk = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Needs = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Recommendation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DocumentPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DocumentContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DocumentBytes = table.Column<long>(type: "bigint", nullable: false),
                    LitmasCaseId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Assessments_LitmasCases_LitmasCaseId",
                        column: x => x.LitmasCaseId,
                        principalTable: "LitmasCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Assessments_Officers_AssessorOfficerId",
                        column: x => x.AssessorOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidanceSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Topic = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByOfficerId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ListedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidanceSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidanceSessions_Officers_CreatedByOfficerId",
                        column: x => x.CreatedByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidanceSessions_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConversationId = table.Column<long>(type: "bigint", nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InstitutionKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InstitutionName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    PreferredDates = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Topic = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TopicDetail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Audience = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AudienceSize = table.Column<int>(type: "integer", nullable: true),
                    LetterPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LetterContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LetterBytes = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DisposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    KasubsiOfficerId = table.Column<int>(type: "integer", nullable: true),
                    TeamAppointedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TeamOfficerIds = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ScheduledFor = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScheduledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attendance = table.Column<int>(type: "integer", nullable: true),
                    ReportText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReportPhotos = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SurveyScore = table.Column<int>(type: "integer", nullable: true),
                    SurveyComment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SurveyAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachRequests_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_OutreachRequests_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClientReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    SessionId = table.Column<long>(type: "bigint", nullable: true),
                    ConversationId = table.Column<long>(type: "bigint", nullable: true),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Answers = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    PhotoPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PhotoContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PhotoBytes = table.Column<long>(type: "bigint", nullable: false),
                    ReviewedByOfficerId = table.Column<int>(type: "integer", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GuidanceNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClientReports_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClientReports_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ClientReports_GuidanceSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "GuidanceSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ClientReports_Officers_ReviewedByOfficerId",
                        column: x => x.ReviewedByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ClientReports_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidanceInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    PkOfficerId = table.Column<int>(type: "integer", nullable: true),
                    ConversationId = table.Column<long>(type: "bigint", nullable: true),
                    OutboundMessageId = table.Column<long>(type: "bigint", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnswerText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RemindedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NoAnswerFlaggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attended = table.Column<bool>(type: "boolean", nullable: true),
                    AttendanceNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AttendanceRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidanceInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidanceInvitations_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GuidanceInvitations_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GuidanceInvitations_GuidanceSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "GuidanceSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GuidanceInvitations_Officers_PkOfficerId",
                        column: x => x.PkOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "GuidanceProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficeId = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<long>(type: "bigint", nullable: false),
                    ProposedByOfficerId = table.Column<int>(type: "integer", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SessionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidanceProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidanceProposals_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GuidanceProposals_GuidanceSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "GuidanceSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GuidanceProposals_Officers_ProposedByOfficerId",
                        column: x => x.ProposedByOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidanceProposals_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentReminders_ClientId_DueOn_Stage",
                table: "AssessmentReminders",
                columns: new[] { "ClientId", "DueOn", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentReminders_OfficerId",
                table: "AssessmentReminders",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_AssessorOfficerId",
                table: "Assessments",
                column: "AssessorOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ClientId_AssessedOn",
                table: "Assessments",
                columns: new[] { "ClientId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_LitmasCaseId",
                table: "Assessments",
                column: "LitmasCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_OfficeId_AssessedOn",
                table: "Assessments",
                columns: new[] { "OfficeId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientReports_ClientId_Period",
                table: "ClientReports",
                columns: new[] { "ClientId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientReports_ConversationId",
                table: "ClientReports",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientReports_OfficeId_Period",
                table: "ClientReports",
                columns: new[] { "OfficeId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_ClientReports_ReviewedByOfficerId",
                table: "ClientReports",
                column: "ReviewedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientReports_SessionId",
                table: "ClientReports",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceInvitations_ClientId_Id",
                table: "GuidanceInvitations",
                columns: new[] { "ClientId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceInvitations_ConversationId_Answer",
                table: "GuidanceInvitations",
                columns: new[] { "ConversationId", "Answer" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceInvitations_PkOfficerId",
                table: "GuidanceInvitations",
                column: "PkOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceInvitations_SessionId_ClientId",
                table: "GuidanceInvitations",
                columns: new[] { "SessionId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceProposals_ClientId_SessionId",
                table: "GuidanceProposals",
                columns: new[] { "ClientId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceProposals_OfficeId_SessionId",
                table: "GuidanceProposals",
                columns: new[] { "OfficeId", "SessionId" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceProposals_ProposedByOfficerId",
                table: "GuidanceProposals",
                column: "ProposedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceProposals_SessionId",
                table: "GuidanceProposals",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceSessions_CreatedByOfficerId",
                table: "GuidanceSessions",
                column: "CreatedByOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceSessions_OfficeId_StartsAt",
                table: "GuidanceSessions",
                columns: new[] { "OfficeId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GuidanceSessions_Status_StartsAt",
                table: "GuidanceSessions",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachRequests_Code",
                table: "OutreachRequests",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutreachRequests_ConversationId",
                table: "OutreachRequests",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachRequests_ErasedAt_ClosedAt",
                table: "OutreachRequests",
                columns: new[] { "ErasedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachRequests_OfficeId_Status",
                table: "OutreachRequests",
                columns: new[] { "OfficeId", "Status" });
            // Bapas offices offer the new guidance, reporting and outreach services (128 | 256 | 512) once they exist.
            migrationBuilder.Sql("UPDATE \"Offices\" SET \"Services\" = \"Services\" | 896 WHERE \"Type\" = 'Bapas'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentReminders");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "ClientReports");

            migrationBuilder.DropTable(
                name: "GuidanceInvitations");

            migrationBuilder.DropTable(
                name: "GuidanceProposals");

            migrationBuilder.DropTable(
                name: "OutreachRequests");

            migrationBuilder.DropTable(
                name: "GuidanceSessions");

            migrationBuilder.DropColumn(
                name: "NewInformationOn",
                table: "Clients");
        }
    }
}
