using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kiosque.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster: initdb in a temporary folder, pg_ctl on a free loopback port, run as the
/// `postgres` user when the tests run as root (PostgreSQL refuses root). One per test run; each test class
/// gets a database of its own through <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static PostgresServer? shared;

    readonly string folder;
    public int Port { get; }
    public static string? MissingReason { get; private set; }

    PostgresServer(string folder, int port) => (this.folder, Port) = (folder, port);

    /// <summary>The run's cluster, started on first use; null (with <see cref="MissingReason"/>) when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer?> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is not null || MissingReason is not null) return shared;
            var initdb = Which("initdb");
            if (initdb is null || Which("pg_ctl") is null)
            {
                MissingReason = "PostgreSQL binaries (initdb, pg_ctl) are not on PATH";
                return null;
            }
            shared = await StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => shared.Stop();
            return shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A cluster of its own, for a test that stops and restarts it; null when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer?> StartDedicatedAsync()
    {
        if (Which("initdb") is null || Which("pg_ctl") is null) return null;
        return await StartAsync();
    }

    public void StopCluster(string mode = "fast") =>
        RunPg($"pg_ctl -D {Path.Combine(folder, "data")} -m {mode} -w stop", Environment.UserName == "root");

    public void StartCluster() =>
        RunPg($"pg_ctl -D {Path.Combine(folder, "data")} -l {folder}/log -w -t 60 -o \"-p {Port} -h 127.0.0.1 -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start",
            Environment.UserName == "root");

    static async Task<PostgresServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kiosque-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres {folder}");
        var port = FreePort();
        var data = Path.Combine(folder, "data");
        RunPg($"initdb -D {data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8", asRoot);
        RunPg($"pg_ctl -D {data} -l {folder}/log -w -t 60 -o \"-p {port} -h 127.0.0.1 -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" start", asRoot);
        var server = new PostgresServer(folder, port);
        await Task.CompletedTask;
        return server;
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    /// <summary>A fresh, empty database for one test class.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "k" + Guid.NewGuid().ToString("N")[..12];
        await using var conn = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"CREATE DATABASE {name}";
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    void Stop()
    {
        try
        {
            RunPg($"pg_ctl -D {Path.Combine(folder, "data")} -m immediate -w stop", Environment.UserName == "root");
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The run is ending; a left-over temp folder is not worth failing it.
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    static void RunPg(string command, bool asRoot)
    {
        if (asRoot) Run("runuser", $"-u postgres -- {command}");
        else Run("/bin/sh", $"-c \"{command.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
    }

    static void Run(string file, string arguments)
    {
        var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({p.ExitCode}): {stderr}{stdout.Result}");
    }

    static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
