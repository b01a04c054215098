using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sipp.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EmployerOwnsPersonalData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Employments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BirthPlace",
                table: "Employments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Employments",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaritalStatus",
                table: "Employments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MotherMaidenName",
                table: "Employments",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Npwp",
                table: "Employments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Employments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Employments",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            // What an employer entered about a person moves to that employer's employment: to the person's first
            // employment only, the employer that registered them (docs/adr/0011). Later employers start empty.
            migrationBuilder.Sql("""
                UPDATE "Employments" AS e SET "BirthPlace" = p."BirthPlace", "MotherMaidenName" = p."MotherMaidenName",
                    "MaritalStatus" = p."MaritalStatus", "Address" = p."Address", "PostalCode" = p."PostalCode", "Phone" = p."Phone",
                    "Email" = p."Email", "Npwp" = p."Npwp"
                FROM "Participants" AS p
                WHERE p."Id" = e."ParticipantId" AND NOT EXISTS (
                    SELECT 1 FROM "Employments" AS o WHERE o."ParticipantId" = e."ParticipantId"
                    AND (o."CreatedAt" < e."CreatedAt" OR (o."CreatedAt" = e."CreatedAt" AND o."Id" < e."Id")))
                """);

            migrationBuilder.DropColumn(
                name: "Address",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "BirthPlace",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "MaritalStatus",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "MotherMaidenName",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "Npwp",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "Participants");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Address",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "BirthPlace",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "Email",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "MaritalStatus",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "MotherMaidenName",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "Npwp",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "Employments");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "Employments");

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "Participants",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BirthPlace",
                table: "Participants",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Email",
                table: "Participants",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaritalStatus",
                table: "Participants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MotherMaidenName",
                table: "Participants",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Npwp",
                table: "Participants",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "Participants",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Participants",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);
        }
    }
}
