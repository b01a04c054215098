using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sipp.Migrations.Sqlite.Migrations
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

            migrationBuilder.RenameColumn(
                name: "Id",
                table: "ContributionLines",
                newName: "Computation");

            migrationBuilder.AddColumn<int>(
                name: "Computation",
                table: "ContributionPeriods",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<int>(
                name: "Computation",
                table: "ContributionLines",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "INTEGER")
                .OldAnnotation("Sqlite:Autoincrement", true);

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

            migrationBuilder.RenameColumn(
                name: "Computation",
                table: "ContributionLines",
                newName: "Id");

            migrationBuilder.AlterColumn<long>(
                name: "Id",
                table: "ContributionLines",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER")
                .Annotation("Sqlite:Autoincrement", true);

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
