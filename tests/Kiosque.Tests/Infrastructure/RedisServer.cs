using System.Diagnostics;
using System.Net.Sockets;

namespace Kiosque.Tests.Infrastructure;

/// <summary>
/// A throw-away redis-server on a free loopback port, without persistence; it can be stopped and started again
/// on the same port (the fault tests). Tests skip, with the reason, where redis-server is not installed.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    Process? process;
    public int Port { get; } = PostgresServer.FreePort();
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static string? Binary => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
        .Append("/usr/bin").Append("/usr/sbin").Select(dir => Path.Combine(dir, "redis-server")).FirstOrDefault(File.Exists);

    /// <summary>Started, or the calling test skipped when redis-server is missing.</summary>
    public static async Task<RedisServer> StartNewAsync()
    {
        if (Binary is null) Assert.Skip("Redis test skipped: redis-server is not installed (Debian package redis-server).");
        var server = new RedisServer();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var psi = new ProcessStartInfo(Binary!, $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no --protected-mode no")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not listen on {Port}.");
    }

    public async Task StopAsync()
    {
        if (process is null) return;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
