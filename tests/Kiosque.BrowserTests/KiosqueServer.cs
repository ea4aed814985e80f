using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kiosque.BrowserTests;

/// <summary>
/// The real Kiosque executable on Kestrel, bound to a free loopback port, with a fresh data folder and the demo
/// content, as a new user starts it. Stopped by its pid when the test class is done. A derived fixture may add
/// environment variables and run command-line verbs on the same data folder before the server starts.
/// </summary>
public class KiosqueServer : IAsyncLifetime
{
    Process? process;
    readonly string dataPath = Path.Combine(Path.GetTempPath(), "kiosque-browser-" + Guid.NewGuid().ToString("N")[..8]);
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Extra settings, as environment variables (Kiosque__Scheduling__IntervalSeconds …).</summary>
    protected virtual IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>();

    /// <summary>Runs before the server starts, e.g. `Kiosque users invite` through <see cref="RunCliAsync"/>.</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    /// <summary>Runs the real executable's command-line verb against this server's data folder; returns its output.</summary>
    public async Task<string> RunCliAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ProjectFolder() };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Kiosque.dll"));
        foreach (var arg in args) psi.ArgumentList.Add(arg);
        Configure(psi);
        using var cli = Process.Start(psi)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        if (cli.ExitCode != 0) throw new InvalidOperationException($"Kiosque {string.Join(' ', args)} exited with {cli.ExitCode}: {await error}");
        return await output;
    }

    void Configure(ProcessStartInfo psi)
    {
        psi.Environment["Kiosque__DataPath"] = dataPath;
        psi.Environment["Kiosque__DemoContent"] = "true";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in Environment) psi.Environment[k] = v;
    }

    public async ValueTask InitializeAsync()
    {
        await BeforeStartAsync();
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var dll = Path.Combine(AppContext.BaseDirectory, "Kiosque.dll");
        // The project folder is the content root, as with `dotnet run --project src/Kiosque`: wwwroot lives there.
        var contentRoot = ProjectFolder();
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls {BaseAddress} --contentRoot \"{contentRoot}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = contentRoot,
        };
        Configure(psi);
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Kiosque exited with code {process.ExitCode} at start-up.");
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("Kiosque did not answer /healthz within 60 s.");
    }

    public virtual ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process?.Dispose();
        try { Directory.Delete(dataPath, recursive: true); }
        catch (IOException) { }
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    static string ProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Kiosque");
            if (File.Exists(Path.Combine(candidate, "Kiosque.csproj"))) return candidate;
        }
        throw new DirectoryNotFoundException("src/Kiosque not found above " + AppContext.BaseDirectory);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
