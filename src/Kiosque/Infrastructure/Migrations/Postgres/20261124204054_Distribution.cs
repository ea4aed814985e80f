using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiosque.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Distribution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FeedFullText",
                table: "SiteSettings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Transcript",
                table: "Articles",
                type: "text",
                nullable: true);

            // Search/PostgresSearchEngine.cs: a French configuration that folds accents before stemming, so that
            // documents, queries and ts_headline agree; the document is maintained by the application, which
            // strips the HTML, so no generated column needs an IMMUTABLE unaccent().
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION kiosque_french (COPY = french);
                ALTER TEXT SEARCH CONFIGURATION kiosque_french
                    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
                CREATE TABLE "ArticleSearch" (
                    "ArticleId" integer PRIMARY KEY REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    "Headline" text NOT NULL,
                    "Standfirst" text NOT NULL,
                    "Body" text NOT NULL,
                    "Document" tsvector NOT NULL);
                CREATE INDEX "IX_ArticleSearch_Document" ON "ArticleSearch" USING GIN ("Document");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS "ArticleSearch";
                DROP TEXT SEARCH CONFIGURATION IF EXISTS kiosque_french;
                """);

            migrationBuilder.DropColumn(
                name: "FeedFullText",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "Transcript",
                table: "Articles");
        }
    }
}
