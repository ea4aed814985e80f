using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kiosque.Infrastructure.Migrations.Postgres
{
    /// <summary>
    /// A covering index for "is this article public?" by id: search joins every match to Articles for its status
    /// and date, and without it each lookup reads the article's whole row (body included). Kept out of the EF
    /// model on purpose: it is a physical optimisation of the hand-written search SQL (Search/*SearchEngine.cs).
    /// </summary>
    public partial class ArticleVisibilityIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE INDEX "IX_Articles_Id_Status_PublishedAt" ON "Articles" ("Id") INCLUDE ("Status", "PublishedAt");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Articles_Id_Status_PublishedAt";""");
        }
    }
}
