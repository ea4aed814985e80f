using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiosque.Infrastructure.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Transcript",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            // Search/SqliteSearchEngine.cs: rowid is the article id; the original text is kept so that snippet()
            // can quote it, diacritics are folded by the tokenizer and French inflections by prefix queries.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
                    "Headline", "Kicker", "Standfirst", "Body", "Tags",
                    tokenize = 'unicode61 remove_diacritics 2');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ArticleSearch";""");

            migrationBuilder.DropColumn(
                name: "FeedFullText",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "Transcript",
                table: "Articles");
        }
    }
}
