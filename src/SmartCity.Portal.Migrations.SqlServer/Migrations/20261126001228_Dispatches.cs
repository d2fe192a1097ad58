using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCity.Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Dispatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSynthetic",
                table: "OrgUnits",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LetterCodePrefix",
                table: "OrgUnits",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Dispatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CampaignId = table.Column<int>(type: "int", nullable: false),
                    FromOrgUnitId = table.Column<int>(type: "int", nullable: false),
                    ToOrgUnitId = table.Column<int>(type: "int", nullable: false),
                    SendEntryId = table.Column<long>(type: "bigint", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    LetterNo = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    LetterDate = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SentByUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    ReceiveEntryId = table.Column<long>(type: "bigint", nullable: true),
                    ReceiveNo = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ReceivedDate = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReceivedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReceivedByUserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dispatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dispatches_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dispatches_OrgUnits_FromOrgUnitId",
                        column: x => x.FromOrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dispatches_OrgUnits_ToOrgUnitId",
                        column: x => x.ToOrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dispatches_RegisterEntries_ReceiveEntryId",
                        column: x => x.ReceiveEntryId,
                        principalTable: "RegisterEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dispatches_RegisterEntries_SendEntryId",
                        column: x => x.SendEntryId,
                        principalTable: "RegisterEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DispatchItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DispatchId = table.Column<int>(type: "int", nullable: false),
                    SubmissionId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DispatchItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DispatchItems_Dispatches_DispatchId",
                        column: x => x.DispatchId,
                        principalTable: "Dispatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DispatchItems_Submissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "Submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dispatches_CampaignId",
                table: "Dispatches",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Dispatches_FromOrgUnitId_Year_Number",
                table: "Dispatches",
                columns: new[] { "FromOrgUnitId", "Year", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Dispatches_ReceiveEntryId",
                table: "Dispatches",
                column: "ReceiveEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Dispatches_SendEntryId",
                table: "Dispatches",
                column: "SendEntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Dispatches_ToOrgUnitId_ReceivedUtc",
                table: "Dispatches",
                columns: new[] { "ToOrgUnitId", "ReceivedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DispatchItems_DispatchId_SubmissionId",
                table: "DispatchItems",
                columns: new[] { "DispatchId", "SubmissionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DispatchItems_SubmissionId",
                table: "DispatchItems",
                column: "SubmissionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DispatchItems");

            migrationBuilder.DropTable(
                name: "Dispatches");

            migrationBuilder.DropColumn(
                name: "IsSynthetic",
                table: "OrgUnits");

            migrationBuilder.DropColumn(
                name: "LetterCodePrefix",
                table: "OrgUnits");
        }
    }
}
