using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sipp.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PeriodProgramTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "JhtTotal",
                table: "ContributionPeriods",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "JkkTotal",
                table: "ContributionPeriods",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "JkmTotal",
                table: "ContributionPeriods",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "JpTotal",
                table: "ContributionPeriods",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "JhtTotal",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "JkkTotal",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "JkmTotal",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "JpTotal",
                table: "ContributionPeriods");
        }
    }
}
