using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sipp.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class WorkerListCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Employments_DivisionId_Status",
                table: "Employments");

            migrationBuilder.AddColumn<long>(
                name: "LatestUpah",
                table: "Employments",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchKpj",
                table: "Employments",
                type: "character varying(11)",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchNik",
                table: "Employments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SortName",
                table: "Employments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");


            // Fill the copies of rows written before this migration.
            migrationBuilder.Sql("UPDATE \"Employments\" SET \"SortName\" = (SELECT p.\"NameNormalized\" FROM \"Participants\" p WHERE p.\"Id\" = \"Employments\".\"ParticipantId\"), \"SearchKpj\" = (SELECT p.\"Kpj\" FROM \"Participants\" p WHERE p.\"Id\" = \"Employments\".\"ParticipantId\"), \"SearchNik\" = (SELECT COALESCE(p.\"Nik\", p.\"PassportNumber\") FROM \"Participants\" p WHERE p.\"Id\" = \"Employments\".\"ParticipantId\"), \"LatestUpah\" = (SELECT w.\"Upah\" FROM \"WageChanges\" w WHERE w.\"EmploymentId\" = \"Employments\".\"Id\" ORDER BY w.\"EffectiveFrom\" DESC LIMIT 1);");

            migrationBuilder.CreateIndex(
                name: "IX_Employments_DivisionId_LatestUpah",
                table: "Employments",
                columns: new[] { "DivisionId", "LatestUpah" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_DivisionId_SearchKpj",
                table: "Employments",
                columns: new[] { "DivisionId", "SearchKpj" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_DivisionId_SearchNik",
                table: "Employments",
                columns: new[] { "DivisionId", "SearchNik" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_DivisionId_SortName_Id",
                table: "Employments",
                columns: new[] { "DivisionId", "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_DivisionId_Status_SortName_Id",
                table: "Employments",
                columns: new[] { "DivisionId", "Status", "SortName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Employments_DivisionId_LatestUpah",
                table: "Employments");

            migrationBuilder.DropIndex(
                name: "IX_Employments_DivisionId_SearchKpj",
                table: "Employments");

            migrationBuilder.DropIndex(
                name: "IX_Employments_DivisionId_SearchNik",
                table: "Employments");

            migrationBuilder.DropIndex(
                name: "IX_Employments_DivisionId_SortName_Id",
                table: "Employments");

            migrationBuilder.DropIndex(
                name: "IX_Employments_DivisionId_Status_SortName_Id",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "LatestUpah",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "SearchKpj",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "SearchNik",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "SortName",
                table: "Employments");

            migrationBuilder.CreateIndex(
                name: "IX_Employments_DivisionId_Status",
                table: "Employments",
                columns: new[] { "DivisionId", "Status" });
        }
    }
}
