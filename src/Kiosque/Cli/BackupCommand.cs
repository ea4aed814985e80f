using System.CommandLine;
using Kiosque.Backup;

namespace Kiosque.Cli;

/// <summary>`Kiosque backup --out FILE` and `Kiosque restore FILE`: one zip archive with content, media and checksums.</summary>
public static class BackupCommand
{
    public static Command Backup(IServiceProvider services)
    {
        var output = new Option<FileInfo>("--out") { Required = true, Description = "The archive to write, e.g. kiosque-2026-11-24.zip." };
        var backup = new Command("backup", "Write the whole site (content as JSON, media files, a manifest with checksums) to one archive.") { output };
        backup.SetAction(async (parse, ct) =>
        {
            var file = parse.GetRequiredValue(output);
            if (file.Directory is { Exists: false } dir)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"No such folder: {dir.FullName}");
                return Cli.UsageError;
            }
            await using var scope = services.CreateAsyncScope();
            var summary = await scope.ServiceProvider.GetRequiredService<BackupArchive>().WriteAsync(file.FullName, ct);
            await parse.InvocationConfiguration.Output.WriteLineAsync(
                $"Backup written to {file.FullName}: {summary.Rows} rows in {summary.Tables} tables, {summary.MediaFiles} media files.");
            return 0;
        });
        return backup;
    }

    public static Command Restore(IServiceProvider services)
    {
        var input = new Argument<FileInfo>("FILE") { Description = "An archive written by `Kiosque backup`." };
        var restore = new Command("restore", "Restore a backup into this instance, which must be empty; checksums are verified first.") { input };
        restore.SetAction(async (parse, ct) =>
        {
            var file = parse.GetRequiredValue(input);
            var error = parse.InvocationConfiguration.Error;
            if (!file.Exists)
            {
                await error.WriteLineAsync($"No such file: {file.FullName}");
                return Cli.UsageError;
            }
            await using var scope = services.CreateAsyncScope();
            try
            {
                var summary = await scope.ServiceProvider.GetRequiredService<BackupArchive>().RestoreAsync(file.FullName, ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"Restored {summary.Rows} rows in {summary.Tables} tables and {summary.MediaFiles} media files from {file.Name}.");
                return 0;
            }
            catch (BackupException e)
            {
                await error.WriteLineAsync(e.Message);
                return 1;
            }
        });
        return restore;
    }
}
