using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChatBot.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClientsPermitsAbh : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AttachmentContentType",
                table: "OutboundMessages",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                table: "OutboundMessages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentPath",
                table: "OutboundMessages",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Officers",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Officers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AbhRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InstitutionKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InstitutionName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InstitutionUnit = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequesterPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ChildInitials = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ChildAge = table.Column<int>(type: "INTEGER", nullable: true),
                    HeldAt = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AllegedOffence = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LetterPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LetterContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LetterBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DisposedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    KasubsiOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    AppointedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PkOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AccompanimentStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AccompanimentPlace = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    LitmasCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbhRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AbhRequests_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_AbhRequests_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Clients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NumberKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PkOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SupervisionStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SupervisionEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clients_Officers_PkOfficerId",
                        column: x => x.PkOfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Clients_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DutyShifts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficerId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DutyShifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DutyShifts_Officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DutyShifts_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AbhAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AbhRequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    Waiting = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OfficerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbhAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AbhAlerts_AbhRequests_AbhRequestId",
                        column: x => x.AbhRequestId,
                        principalTable: "AbhRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AbhAlerts_Officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "Officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelPermits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClientId = table.Column<long>(type: "INTEGER", nullable: true),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApplicantRelationship = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DestinationTown = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DestinationAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DepartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReturnOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RequestFilePath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RequestFileContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestFileBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExaminedByOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExaminedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TppDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TppMembers = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DraftedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LetterYear = table.Column<int>(type: "INTEGER", nullable: true),
                    LetterSequence = table.Column<int>(type: "INTEGER", nullable: true),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SignedByOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SignedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LetterPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClientInitials = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ErasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelPermits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TravelPermits_Clients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "Clients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TravelPermits_Conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "Conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TravelPermits_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AbhAlerts_AbhRequestId_Id",
                table: "AbhAlerts",
                columns: new[] { "AbhRequestId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AbhAlerts_OfficerId",
                table: "AbhAlerts",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_AbhAlerts_ResolvedAt_SentAt",
                table: "AbhAlerts",
                columns: new[] { "ResolvedAt", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AbhRequests_Code",
                table: "AbhRequests",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AbhRequests_ConversationId",
                table: "AbhRequests",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_AbhRequests_ErasedAt_ClosedAt",
                table: "AbhRequests",
                columns: new[] { "ErasedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AbhRequests_OfficeId_Status",
                table: "AbhRequests",
                columns: new[] { "OfficeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_OfficeId_NumberKey",
                table: "Clients",
                columns: new[] { "OfficeId", "NumberKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clients_OfficeId_PkOfficerId",
                table: "Clients",
                columns: new[] { "OfficeId", "PkOfficerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_OfficeId_Town",
                table: "Clients",
                columns: new[] { "OfficeId", "Town" });

            migrationBuilder.CreateIndex(
                name: "IX_Clients_PkOfficerId",
                table: "Clients",
                column: "PkOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_DutyShifts_OfficeId_StartsAt_EndsAt",
                table: "DutyShifts",
                columns: new[] { "OfficeId", "StartsAt", "EndsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DutyShifts_OfficerId",
                table: "DutyShifts",
                column: "OfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelPermits_ClientId",
                table: "TravelPermits",
                column: "ClientId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelPermits_Code",
                table: "TravelPermits",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TravelPermits_ConversationId",
                table: "TravelPermits",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_TravelPermits_ErasedAt_ClosedAt",
                table: "TravelPermits",
                columns: new[] { "ErasedAt", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelPermits_OfficeId_LetterYear_LetterSequence",
                table: "TravelPermits",
                columns: new[] { "OfficeId", "LetterYear", "LetterSequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TravelPermits_OfficeId_Status",
                table: "TravelPermits",
                columns: new[] { "OfficeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelPermits_VerificationCode",
                table: "TravelPermits",
                column: "VerificationCode",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AbhAlerts");

            migrationBuilder.DropTable(
                name: "DutyShifts");

            migrationBuilder.DropTable(
                name: "TravelPermits");

            migrationBuilder.DropTable(
                name: "AbhRequests");

            migrationBuilder.DropTable(
                name: "Clients");

            migrationBuilder.DropColumn(
                name: "AttachmentContentType",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentPath",
                table: "OutboundMessages");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Officers");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Officers");
        }
    }
}
