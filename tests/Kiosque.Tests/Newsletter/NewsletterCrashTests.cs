using System.Diagnostics;
using System.Globalization;
using Kiosque.Newsletter;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Newsletter.NewsletterTestSupport;

namespace Kiosque.Tests.Newsletter;

/// <summary>
/// The real executable (Kiosque.dll, as operators run it) sends an edition slowly; it is killed mid-send (SIGKILL, no
/// shutdown), started again, and the in-process SMTP server counts what each recipient got.
/// </summary>
public sealed class NewsletterCrashTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const int Recipients = 80;

    [Fact]
    public async Task Killing_the_app_mid_send_and_starting_it_again_delivers_to_every_recipient_exactly_once()
    {
        await using var sink = await SmtpSink.StartAsync();
        var dataPath = Path.Combine(Path.GetTempPath(), "kiosque-crash-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        try
        {
            int editionId;
            List<string> addresses;
            // Prepared in process with sending off: subscribers, an edition asked to go out now.
            await using (var app = await KiosqueApp.CreateAsync(extra: Settings(sink, new()
                         {
                             ["Kiosque:Newsletter:SendInBackground"] = "false", ["Kiosque:PublicUrl"] = "https://echo.example",
                         }), dataPath: dataPath))
            {
                var (_, first, second) = await ArticlesAsync(app);
                var listId = await app.DefaultListAsync();
                addresses = await app.SubscribersAsync(listId, Recipients);
                editionId = await app.SendEditionAsync(listId, "Édition interrompue", first, second);
            }

            var environment = new Dictionary<string, string>
            {
                ["Kiosque__DataPath"] = dataPath,
                ["Kiosque__DemoContent"] = "false",
                ["Kiosque__PublicUrl"] = "https://echo.example",
                ["Kiosque__Smtp__Host"] = "127.0.0.1",
                ["Kiosque__Smtp__Port"] = sink.Port.ToString(CultureInfo.InvariantCulture),
                ["Kiosque__Smtp__Security"] = "none",
                ["Kiosque__Smtp__From"] = "lettre@echo.example",
                ["Kiosque__Newsletter__MessagesPerSecond"] = "25",
                ["Kiosque__Newsletter__BatchSize"] = "10",
                ["Kiosque__Newsletter__Connections"] = "2",
                ["Kiosque__Newsletter__LeaseSeconds"] = "3",
                ["Kiosque__Newsletter__PollSeconds"] = "1",
            };

            using (var running = Start(environment))
            {
                await sink.WaitAsync(m => m.Count >= Recipients / 4, seconds: 60);
                running.Kill(entireProcessTree: true);
                await running.WaitForExitAsync(Ct);
            }
            var atKill = sink.Messages.Count;
            Assert.InRange(atKill, Recipients / 4, Recipients - 1);

            using (var restarted = Start(environment))
            {
                try
                {
                    await sink.WaitAsync(m => m.SelectMany(r => r.To).Distinct().Count() >= Recipients, seconds: 60);
                    await Task.Delay(1500, Ct); // anything sent twice would arrive now
                }
                finally
                {
                    restarted.Kill(entireProcessTree: true);
                    await restarted.WaitForExitAsync(Ct);
                }
            }

            // Every recipient once: one Message-Id each. The only possible repeats are the messages in flight on each of the two
            // connections that the server accepted in the instant before the kill, before their rows were marked; they would carry
            // the same Message-Id (see docs/architecture.md).
            var byRecipient = sink.Messages.GroupBy(m => m.To.Single()).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Equal(addresses.Order(), byRecipient.Keys.Order());
            Assert.All(byRecipient.Values, got => Assert.Single(got.Select(m => m.Message.MessageId).Distinct()));
            Assert.InRange(sink.Messages.Count, Recipients, Recipients + 2);
            TestContext.Current.TestOutputHelper?.WriteLine($"{atKill} delivered before the kill, {sink.Messages.Count} in all.");

            await using var check = await KiosqueApp.CreateAsync(extra: Settings(null, new() { ["Kiosque:Newsletter:SendInBackground"] = "false" }), dataPath: dataPath);
            var rows = await check.DeliveriesAsync(editionId);
            Assert.Equal(Recipients, rows.Count);
            Assert.All(rows, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
            Assert.Equal(EditionStatus.Sent, await check.WithDbAsync(db => db.NewsletterEditions.Where(e => e.Id == editionId).Select(e => e.Status).FirstAsync(Ct)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, recursive: true); }
            catch (IOException) { }
        }
    }

    static Process Start(Dictionary<string, string> environment)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Kiosque.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add($"http://127.0.0.1:{SmtpSink.FreePort()}");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) TestContext.Current.TestOutputHelper?.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
