using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sipp.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LinesPerComputation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ContributionLines",
                table: "ContributionLines");

            migrationBuilder.DropIndex(
                name: "IX_ContributionLines_PeriodId_EmploymentId",
                table: "ContributionLines");

            migrationBuilder.DropColumn(
                name: "Id",
                table: "ContributionLines");

            migrationBuilder.AddColumn<int>(
                name: "Computation",
                table: "ContributionPeriods",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Computation",
                table: "ContributionLines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ContributionLines",
                table: "ContributionLines",
                columns: new[] { "PeriodId", "Computation", "EmploymentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ContributionLines",
                table: "ContributionLines");

            migrationBuilder.DropColumn(
                name: "Computation",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "Computation",
                table: "ContributionLines");

            migrationBuilder.AddColumn<long>(
                name: "Id",
                table: "ContributionLines",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ContributionLines",
                table: "ContributionLines",
                column: "Id");

            migrationBuilder.CreateIndex(
                name: "IX_ContributionLines_PeriodId_EmploymentId",
                table: "ContributionLines",
                columns: new[] { "PeriodId", "EmploymentId" },
                unique: true);
        }
    }
}
