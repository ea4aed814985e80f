using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Kiosque.Api;
using Kiosque.Infrastructure;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Api;

public sealed class CliTests
{
    static async Task<(int Code, string Output, string Error)> RunInProcessAsync(KiosqueApp app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Kiosque.Cli.Cli.RunAsync(app.Services, args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    static string LastLine(string text) => text.TrimEnd().Split('\n').Last().Trim();

    [Fact]
    public async Task Tokens_create_prints_a_working_token_alone_on_its_last_line_then_list_and_revoke()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var (code, output, _) = await RunInProcessAsync(app, "tokens", "create", "--name", "import-wordpress", "--role", "editor");
        Assert.Equal(0, code);
        var token = LastLine(output);
        Assert.Matches("^kq_[A-Za-z0-9_-]{40,}$", token);

        using var client = app.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await (await client.PostJsonAsync("/api/v1/sections", new { name = "Sport" })).AssertStatusAsync(HttpStatusCode.Created);

        var (listCode, list, _) = await RunInProcessAsync(app, "tokens", "list");
        Assert.Equal(0, listCode);
        Assert.Contains("import-wordpress\teditor", list, StringComparison.Ordinal);
        Assert.DoesNotContain(token, list, StringComparison.Ordinal);

        var id = await app.WithDbAsync(db => db.ApiTokens.Where(t => t.Name == "import-wordpress").Select(t => t.Id).SingleAsync(Ct));
        var (revokeCode, _, _) = await RunInProcessAsync(app, "tokens", "revoke", "--id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, revokeCode);
        await (await client.PostJsonAsync("/api/v1/sections", new { name = "Sport 2" })).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(1, (await RunInProcessAsync(app, "tokens", "revoke", "--id", "99999")).Code);
    }

    [Fact]
    public async Task Unknown_role_or_missing_option_exits_2_with_a_message_on_stderr_and_creates_nothing()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var (code, output, error) = await RunInProcessAsync(app, "tokens", "create", "--name", "x", "--role", "boss");
        Assert.Equal(2, code);
        Assert.Contains("boss", error, StringComparison.Ordinal);
        Assert.DoesNotContain("kq_", output, StringComparison.Ordinal);
        Assert.Equal(2, (await RunInProcessAsync(app, "tokens", "create", "--role", "admin")).Code);
        Assert.Equal(0, await app.WithDbAsync(db => db.ApiTokens.CountAsync(Ct)));
    }

    /// <summary>The real executable, as an operator runs it: `Kiosque tokens create` in a fresh data folder.</summary>
    [Fact]
    public async Task The_executable_creates_a_token_whose_hash_is_stored_in_its_data_folder()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kiosque-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        try
        {
            var (code, output, error) = await RunExecutableAsync(dataPath, "tokens", "create", "--name", "ci", "--role", "admin");
            Assert.True(code == 0, error);
            var token = LastLine(output);
            Assert.StartsWith("kq_", token, StringComparison.Ordinal);

            var options = new DbContextOptionsBuilder<SqliteKiosqueDb>().UseSqlite(Database.SqliteConnectionString(dataPath)).Options;
            await using (var db = new SqliteKiosqueDb(options))
            {
                var stored = await db.ApiTokens.SingleAsync(Ct);
                Assert.Equal((ApiTokens.Hash(token), "admin", "ci"), (stored.Hash, stored.Role, stored.Name));
            }

            var (badCode, badOutput, badError) = await RunExecutableAsync(dataPath, "tokens", "create", "--name", "ci", "--role", "superuser");
            Assert.Equal(2, badCode);
            Assert.Contains("superuser", badError, StringComparison.Ordinal);
            Assert.DoesNotContain("kq_", badOutput, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { /* cleaned with the temp folder */ }
        }
    }

    static async Task<(int Code, string Output, string Error)> RunExecutableAsync(string dataPath, params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataPath };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Kiosque__DataPath"] = dataPath;
        start.Environment["Kiosque__DemoContent"] = "false";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Ct);
        var error = process.StandardError.ReadToEndAsync(Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
