using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sipp.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LateCharges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LateChargeId",
                table: "Fines",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ArrearsAmount",
                table: "Bills",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "BackPayAmount",
                table: "Bills",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "CreditAmount",
                table: "Bills",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "LateCharges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DivisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmploymentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    MonthPeriodId = table.Column<Guid>(type: "uuid", nullable: false),
                    Month = table.Column<string>(type: "character(7)", fixedLength: true, maxLength: 7, nullable: false),
                    Upah = table.Column<long>(type: "bigint", nullable: false),
                    Jht = table.Column<long>(type: "bigint", nullable: false),
                    Jkk = table.Column<long>(type: "bigint", nullable: false),
                    Jkm = table.Column<long>(type: "bigint", nullable: false),
                    Jp = table.Column<long>(type: "bigint", nullable: false),
                    TotalEmployer = table.Column<long>(type: "bigint", nullable: false),
                    TotalWorker = table.Column<long>(type: "bigint", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    ChargedOnBillId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LateCharges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LateCharges_Bills_ChargedOnBillId",
                        column: x => x.ChargedOnBillId,
                        principalTable: "Bills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LateCharges_ContributionPeriods_MonthPeriodId",
                        column: x => x.MonthPeriodId,
                        principalTable: "ContributionPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LateCharges_Employments_EmploymentId",
                        column: x => x.EmploymentId,
                        principalTable: "Employments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Fines_LateChargeId",
                table: "Fines",
                column: "LateChargeId");

            migrationBuilder.CreateIndex(
                name: "IX_LateCharges_ChargedOnBillId",
                table: "LateCharges",
                column: "ChargedOnBillId");

            migrationBuilder.CreateIndex(
                name: "IX_LateCharges_DivisionId_ChargedOnBillId",
                table: "LateCharges",
                columns: new[] { "DivisionId", "ChargedOnBillId" });

            migrationBuilder.CreateIndex(
                name: "IX_LateCharges_EmploymentId_Month",
                table: "LateCharges",
                columns: new[] { "EmploymentId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_LateCharges_MonthPeriodId",
                table: "LateCharges",
                column: "MonthPeriodId");

            migrationBuilder.AddForeignKey(
                name: "FK_Fines_LateCharges_LateChargeId",
                table: "Fines",
                column: "LateChargeId",
                principalTable: "LateCharges",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Fines_LateCharges_LateChargeId",
                table: "Fines");

            migrationBuilder.DropTable(
                name: "LateCharges");

            migrationBuilder.DropIndex(
                name: "IX_Fines_LateChargeId",
                table: "Fines");

            migrationBuilder.DropColumn(
                name: "LateChargeId",
                table: "Fines");

            migrationBuilder.DropColumn(
                name: "ArrearsAmount",
                table: "Bills");

            migrationBuilder.DropColumn(
                name: "BackPayAmount",
                table: "Bills");

            migrationBuilder.DropColumn(
                name: "CreditAmount",
                table: "Bills");
        }
    }
}
