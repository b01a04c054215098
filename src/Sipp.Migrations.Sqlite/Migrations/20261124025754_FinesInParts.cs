using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sipp.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FinesInParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Fines_SourcePeriodId",
                table: "Fines");

            migrationBuilder.CreateIndex(
                name: "IX_Fines_SourcePeriodId",
                table: "Fines",
                column: "SourcePeriodId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Fines_SourcePeriodId",
                table: "Fines");

            migrationBuilder.CreateIndex(
                name: "IX_Fines_SourcePeriodId",
                table: "Fines",
                column: "SourcePeriodId",
                unique: true);
        }
    }
}
