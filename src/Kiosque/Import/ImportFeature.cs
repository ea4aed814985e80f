using Kiosque.Accounts;
using Kiosque.Infrastructure;
using Kiosque.Newsroom;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Import;

public static class ImportFeature
{
    const string Folder = "/Import/Pages";
    /// <summary>The request limit of the upload page; <see cref="ImportOptions.MaxUploadBytes"/> may lower it.</summary>
    public const long MaxRequestBytes = 1024L * 1024 * 1024;

    public static void AddImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName);
        builder.Services.AddScoped<WordPressImporter>();
        builder.Services.AddScoped<ImportJobs>();
        builder.Services.AddSingleton<ImportProgress>();
        builder.Services.AddSingleton<ImportJobRunner>();
        builder.Services.AddHostedService(s => s.GetRequiredService<ImportJobRunner>());
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder(Folder, Policies.Admin);
            o.Conventions.AddFolderApplicationModelConvention(Folder, model => model.Filters.Add(new AdminTwoFactorGate()));
        });
    }

    /// <summary>The progress the import page polls: state, items read, whether it has ended.</summary>
    public static void MapImport(this WebApplication app) =>
        app.MapGet("/newsroom/import/{id:int}/etat", async (int id, KiosqueDb db, ImportProgress progress, CancellationToken ct) =>
        {
            var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id)
                .Select(j => new { j.State, j.Done, j.Total }).SingleOrDefaultAsync(ct);
            if (job is null) return Results.NotFound();
            var (done, total) = progress.Get(id) ?? (job.Done, job.Total);
            return Results.Json(new
            {
                state = job.State.ToString().ToLowerInvariant(),
                stateName = ImportText.StateName(job.State),
                done,
                total,
                items = ImportText.Items(done, total),
                finished = job.State is ImportJobState.Succeeded or ImportJobState.Failed,
            });
        }).RequireAuthorization(Policies.Admin);
}
