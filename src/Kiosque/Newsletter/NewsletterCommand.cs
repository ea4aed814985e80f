using System.CommandLine;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Newsletter;

/// <summary>`Kiosque newsletter send EDITION`: starts sending an edition now and sends it to the end, in the foreground.</summary>
public static class NewsletterCommand
{
    public static Command Create(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var newsletter = new Command("newsletter", "Send newsletter editions from the command line.");
        var edition = new Argument<int>("edition") { Description = "The edition's id (as the newsroom's address or the API show it)." };
        var send = new Command("send", "Send a draft or scheduled edition now and wait until every message is settled.") { edition };
        send.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(edition);
            var sender = services.GetRequiredService<NewsletterSender>();
            var kiosque = services.GetRequiredService<IOptions<KiosqueOptions>>().Value;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
                var row = await db.NewsletterEditions.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.Status, e.BaseUrl }).FirstOrDefaultAsync(ct);
                if (row is null)
                {
                    await error.WriteLineAsync($"No edition {id}.");
                    return Cli.Cli.UsageError;
                }
                var baseUrl = string.IsNullOrWhiteSpace(kiosque.PublicUrl) ? row.BaseUrl : kiosque.PublicUrl.TrimEnd('/');
                if (string.IsNullOrEmpty(baseUrl))
                {
                    await error.WriteLineAsync("Set Kiosque:PublicUrl: the links in the messages must be absolute.");
                    return Cli.Cli.UsageError;
                }
                var outbox = scope.ServiceProvider.GetRequiredService<NewsletterOutbox>();
                if (row.Status is EditionStatus.Draft or EditionStatus.Scheduled)
                    await outbox.ScheduleAsync(id, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, baseUrl, ct);
            }
            while (true)
            {
                var worked = await sender.RoundAsync(ct);
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
                var status = await db.NewsletterEditions.Where(e => e.Id == id).Select(e => e.Status).FirstAsync(ct);
                if (status == EditionStatus.Sent) break;
                if (!worked) await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
            await using (var scope = services.CreateAsyncScope())
            {
                var f = await scope.ServiceProvider.GetRequiredService<NewsletterOutbox>().FiguresAsync(id, ct);
                await output.WriteLineAsync($"Edition {id} sent: {f.Sent} sent, {f.Failed} failed, {f.Bounced} bounced, {f.Skipped} skipped, of {f.Recipients}.");
            }
            return 0;
        });
        newsletter.Subcommands.Add(send);
        return newsletter;
    }
}
