using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sipp.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OtpSendLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OneTimeCodes_ChallengeId",
                table: "OneTimeCodes");

            migrationBuilder.AddColumn<string>(
                name: "DestinationHash",
                table: "OneTimeCodes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestIp",
                table: "OneTimeCodes",
                type: "character varying(45)",
                maxLength: 45,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "OneTimeCodes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Codes sent before this migration are numbered within their challenge, so the unique index holds.
            migrationBuilder.Sql("""
                UPDATE "OneTimeCodes" AS c SET "Sequence" = r.n
                FROM (SELECT "Id", ROW_NUMBER() OVER (PARTITION BY "ChallengeId" ORDER BY "CreatedAt", "Id") AS n FROM "OneTimeCodes") AS r
                WHERE r."Id" = c."Id"
                """);

            migrationBuilder.CreateIndex(
                name: "IX_OneTimeCodes_ChallengeId_Sequence",
                table: "OneTimeCodes",
                columns: new[] { "ChallengeId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OneTimeCodes_DestinationHash_CreatedAt",
                table: "OneTimeCodes",
                columns: new[] { "DestinationHash", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OneTimeCodes_RequestIp_CreatedAt",
                table: "OneTimeCodes",
                columns: new[] { "RequestIp", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OneTimeCodes_ChallengeId_Sequence",
                table: "OneTimeCodes");

            migrationBuilder.DropIndex(
                name: "IX_OneTimeCodes_DestinationHash_CreatedAt",
                table: "OneTimeCodes");

            migrationBuilder.DropIndex(
                name: "IX_OneTimeCodes_RequestIp_CreatedAt",
                table: "OneTimeCodes");

            migrationBuilder.DropColumn(
                name: "DestinationHash",
                table: "OneTimeCodes");

            migrationBuilder.DropColumn(
                name: "RequestIp",
                table: "OneTimeCodes");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "OneTimeCodes");

            migrationBuilder.CreateIndex(
                name: "IX_OneTimeCodes_ChallengeId",
                table: "OneTimeCodes",
                column: "ChallengeId");
        }
    }
}
