using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sipp.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KeptReviewCountsAndTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BelowMinimumCount",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CorrectedCount",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CountedMinimumWage",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "JhtWorkerTotal",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "JkpTotal",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "JoinerCount",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JpForeignCount",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "JpRetiredCount",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "JpWorkerTotal",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "LeaverCount",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WageChangedCount",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WithoutJpCount",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: true);

            // Periods computed before: their worker shares and JKP from their lines (the only lines: a recomputation
            // deletes the ones before). Their review counts stay null and the page counts them when asked.
            migrationBuilder.Sql(@"UPDATE ""ContributionPeriods"" SET
                ""JhtWorkerTotal"" = COALESCE((SELECT SUM(l.""JhtWorker"") FROM ""ContributionLines"" AS l WHERE l.""PeriodId"" = ""ContributionPeriods"".""Id""), 0),
                ""JpWorkerTotal"" = COALESCE((SELECT SUM(l.""JpWorker"") FROM ""ContributionLines"" AS l WHERE l.""PeriodId"" = ""ContributionPeriods"".""Id""), 0),
                ""JkpTotal"" = COALESCE((SELECT SUM(l.""JkpGovernment"" + l.""JkpFromJkk"" + l.""JkpFromJkm"") FROM ""ContributionLines"" AS l WHERE l.""PeriodId"" = ""ContributionPeriods"".""Id""), 0)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BelowMinimumCount",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "CorrectedCount",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "CountedMinimumWage",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "JhtWorkerTotal",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "JkpTotal",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "JoinerCount",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "JpForeignCount",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "JpRetiredCount",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "JpWorkerTotal",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "LeaverCount",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "WageChangedCount",
                table: "ContributionPeriods");

            migrationBuilder.DropColumn(
                name: "WithoutJpCount",
                table: "ContributionPeriods");
        }
    }
}
