using System.CommandLine;
using Kiosque.Import;

namespace Kiosque.Cli;

/// <summary>`Kiosque import wordpress FILE [--uploads DIR] [--dry-run]`: the summary on stdout, a refusal on stderr.</summary>
public static class ImportCommand
{
    public static Command Create(IServiceProvider services)
    {
        var import = new Command("import", "Import content from another system.");
        var file = new Argument<FileInfo>("FILE") { Description = "The WordPress export (Tools › Export › All content), a .xml file." };
        var uploads = new Option<DirectoryInfo?>("--uploads")
        {
            Description = "The site's wp-content/uploads folder: images found there are copied, not only described.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read everything and print what would change; change nothing." };
        var wordpress = new Command("wordpress", "Import a WordPress export (WXR): posts, pages, categories, tags, authors, comments, media.")
        {
            file, uploads, dryRun,
        };
        // The report and the refusals in English, as everything else the command line prints.
        wordpress.SetAction((parse, ct) => ImportText.InCultureAsync(ImportText.CliCulture, async () =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(file);
            var uploadsDir = parse.GetValue(uploads);
            if (!path.Exists)
            {
                await error.WriteLineAsync($"No such file: {path.FullName}");
                return Cli.UsageError;
            }
            if (uploadsDir is { Exists: false })
            {
                await error.WriteLineAsync($"No such folder: {uploadsDir.FullName}");
                return Cli.UsageError;
            }
            await using var scope = services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<WordPressImporter>();
            try
            {
                var report = await importer.ImportAsync(path.FullName, new WordPressImportOptions(uploadsDir?.FullName, parse.GetValue(dryRun)),
                    WordPressImporter.ImportActor, null, ct);
                foreach (var note in report.Notes) await output.WriteLineAsync(note);
                if (report.DryRun) await output.WriteLineAsync("Dry run: nothing was changed.");
                await output.WriteLineAsync(report.Summary);
                return 0;
            }
            catch (WxrException e)
            {
                await error.WriteLineAsync($"{path.Name}, {e.Message} Nothing was imported.");
                return 1;
            }
        }));
        import.Subcommands.Add(wordpress);
        return import;
    }
}
