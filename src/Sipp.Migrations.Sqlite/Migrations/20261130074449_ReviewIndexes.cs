using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sipp.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Employments_DivisionId_EndDate",
                table: "Employments",
                columns: new[] { "DivisionId", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Employments_DivisionId_MembershipStartDate",
                table: "Employments",
                columns: new[] { "DivisionId", "MembershipStartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Employments_DivisionId_EndDate",
                table: "Employments");

            migrationBuilder.DropIndex(
                name: "IX_Employments_DivisionId_MembershipStartDate",
                table: "Employments");
        }
    }
}
