using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SmartCity.Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FormDefinitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FormVersionId",
                table: "Submissions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FormDefinitionVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormDefinitionVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FormDefinitionVersions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_FormVersionId",
                table: "Submissions",
                column: "FormVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_FormDefinitionVersions_CampaignId_Version",
                table: "FormDefinitionVersions",
                columns: new[] { "CampaignId", "Version" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Submissions_FormDefinitionVersions_FormVersionId",
                table: "Submissions",
                column: "FormVersionId",
                principalTable: "FormDefinitionVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Submissions_FormDefinitionVersions_FormVersionId",
                table: "Submissions");

            migrationBuilder.DropTable(
                name: "FormDefinitionVersions");

            migrationBuilder.DropIndex(
                name: "IX_Submissions_FormVersionId",
                table: "Submissions");

            migrationBuilder.DropColumn(
                name: "FormVersionId",
                table: "Submissions");
        }
    }
}
