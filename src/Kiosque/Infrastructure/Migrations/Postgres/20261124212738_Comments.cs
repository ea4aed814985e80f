using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kiosque.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    // Existing sites keep today's behaviour: post-moderation, first comments held, two links, existing comments shown.
    public partial class Comments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CommentModeration",
                table: "SiteSettings",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Post");

            migrationBuilder.AddColumn<string>(
                name: "CommentsBannedDomains",
                table: "SiteSettings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CommentsBannedWords",
                table: "SiteSettings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "CommentsCloseAfterDays",
                table: "SiteSettings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "CommentsConfirmFirstByEmail",
                table: "SiteSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "CommentsDailyDigest",
                table: "SiteSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "CommentsHoldFirstTime",
                table: "SiteSettings",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "CommentsMaxLinks",
                table: "SiteSettings",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<bool>(
                name: "CommentsNotifyOnReply",
                table: "SiteSettings",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "CommentsShowWhenSuspended",
                table: "SiteSettings",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateTable(
                name: "CommentJobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LastRunOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Holder = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentJobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Comments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AuthorEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IpHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: false),
                    HeldReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    NotifyOnReply = table.Column<bool>(type: "boolean", nullable: false),
                    ModeratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModeratedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EditedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EditedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comments_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Comments_Comments_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ArticleId_Status_CreatedAt",
                table: "Comments",
                columns: new[] { "ArticleId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorEmail_Status",
                table: "Comments",
                columns: new[] { "AuthorEmail", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_ParentId",
                table: "Comments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Status_CreatedAt",
                table: "Comments",
                columns: new[] { "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentJobLeases");

            migrationBuilder.DropTable(
                name: "Comments");

            migrationBuilder.DropColumn(
                name: "CommentModeration",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "CommentsBannedDomains",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "CommentsBannedWords",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "CommentsCloseAfterDays",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "CommentsConfirmFirstByEmail",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "CommentsDailyDigest",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "CommentsHoldFirstTime",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "CommentsMaxLinks",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "CommentsNotifyOnReply",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "CommentsShowWhenSuspended",
                table: "SiteSettings");
        }
    }
}
