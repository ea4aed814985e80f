// The newsletter benchmark's helpers (see bench/newsletter.sh).
//
//   Kiosque.Bench.Newsletter seed --data DIR --subscribers N
//       Migrates an empty SQLite database in DIR, adds a section, a published article, and N confirmed subscribers of
//       the first newsletter (batched inserts), then a draft edition of that article. Prints the edition's id last.
//   Kiosque.Bench.Newsletter sink --port P --expect N [--timeout-seconds 900]
//       An SMTP server on 127.0.0.1:P that accepts everything and counts messages (and distinct Message-Ids); exits
//       once N have arrived (or at the timeout) and prints "received R distinct D".
using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Kiosque.Newsletter;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

string Arg(string name, string? fallback = null) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback ?? throw new ArgumentException($"{name} is required");

switch (args.FirstOrDefault())
{
    case "seed":
        return await Seed.RunAsync(Path.GetFullPath(Arg("--data")), int.Parse(Arg("--subscribers"), CultureInfo.InvariantCulture));
    case "sink":
        return await Sink.RunAsync(int.Parse(Arg("--port"), CultureInfo.InvariantCulture), int.Parse(Arg("--expect"), CultureInfo.InvariantCulture),
            int.Parse(Arg("--timeout-seconds", "900"), CultureInfo.InvariantCulture));
    default:
        await Console.Error.WriteLineAsync("usage: Kiosque.Bench.Newsletter seed --data DIR --subscribers N | sink --port P --expect N [--timeout-seconds S]");
        return 2;
}

static class Seed
{
    public static async Task<int> RunAsync(string data, int subscribers)
    {
        Directory.CreateDirectory(data);
        await using var connection = new SqliteConnection(Database.SqliteConnectionString(data));
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        KiosqueDb Db() => new SqliteKiosqueDb(new DbContextOptionsBuilder<SqliteKiosqueDb>().UseSqlite(connection).Options);
        var now = DateTime.UtcNow;
        int listId, articleId;
        await using (var db = Db())
        {
            await db.Database.MigrateAsync();
            var list = await db.NewsletterLists.FirstOrDefaultAsync();
            if (list is null)
                db.NewsletterLists.Add(list = new NewsletterList { Name = "La quotidienne", Slug = "la-quotidienne", CreatedAt = now });
            var section = new Section { Name = "Banc d’essai", Slug = "banc-essai", Position = 1 };
            var article = new Article
            {
                Section = section, Slug = "lettre-du-banc", Headline = "La lettre du banc d’essai", Standfirst = "Un article pour mesurer l’envoi.",
                BodyHtml = "<p>Texte.</p>", Status = ArticleStatus.Published, PublishedAt = now.AddHours(-1), CreatedAt = now.AddHours(-2), UpdatedAt = now,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            (listId, articleId) = (list.Id, article.Id);
        }

        // Raw batched inserts in one transaction: EF's change tracker would dominate at 100,000 rows.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var subscriber = connection.CreateCommand();
            subscriber.CommandText = """INSERT INTO "NewsletterSubscribers" ("Email", "CreatedAt", "ConfirmedAt") VALUES ($email, $at, $at) RETURNING "Id";""";
            var email = subscriber.Parameters.Add("$email", SqliteType.Text);
            subscriber.Parameters.AddWithValue("$at", now);
            await using var subscription = connection.CreateCommand();
            subscription.CommandText = """
                INSERT INTO "NewsletterSubscriptions" ("SubscriberId", "ListId", "Status", "RequestedAt", "Source", "ConfirmedAt")
                VALUES ($id, $list, 'Active', $at, '/bench', $at);
                """;
            var id = subscription.Parameters.Add("$id", SqliteType.Integer);
            subscription.Parameters.AddWithValue("$list", listId);
            subscription.Parameters.AddWithValue("$at", now);
            for (var i = 1; i <= subscribers; i++)
            {
                email.Value = $"lecteur{i}@banc.example";
                id.Value = (long)(await subscriber.ExecuteScalarAsync())!;
                await subscription.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }

        await using (var db = Db())
        {
            var edition = new Edition
            {
                ListId = listId, Subject = "L’édition du banc d’essai", Intro = "Bonjour,\n\nVoici l’édition de mesure.", Status = EditionStatus.Draft,
                CreatedAt = now, CreatedBy = "bench", Items = [new EditionItem { ArticleId = articleId }],
            };
            db.NewsletterEditions.Add(edition);
            await db.SaveChangesAsync();
            Console.WriteLine(edition.Id.ToString(CultureInfo.InvariantCulture));
        }
        return 0;
    }
}

static class Sink
{
    public static async Task<int> RunAsync(int port, int expect, int timeoutSeconds)
    {
        var store = new CountingStore();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).Port(port)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(new NoDelayListeners());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var server = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        while (store.Count < expect && !stop.IsCancellationRequested)
            await Task.Delay(200);
        await stop.CancelAsync();
        try { await server; } catch (OperationCanceledException) { }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"received {store.Count} distinct {store.Distinct}"));
        return store.Count >= expect ? 0 : 1;
    }

    sealed class CountingStore : MessageStore
    {
        readonly ConcurrentDictionary<string, byte> ids = new();
        int count;
        public int Count => Volatile.Read(ref count);
        public int Distinct => ids.Count;

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            // The Message-Id header only: parsing every message would measure the sink, not Kiosque.
            var head = Encoding.ASCII.GetString(buffer.Slice(0, Math.Min(buffer.Length, 4096)).ToArray());
            var line = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase)) ?? Guid.NewGuid().ToString();
            ids.TryAdd(line, 0);
            Interlocked.Increment(ref count);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>The default listener with Nagle's algorithm off on accepted connections (Linux passes the option on from the listening socket).</summary>
sealed class NoDelayListeners : SmtpServer.Net.EndpointListenerFactory
{
    public override SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = new System.Net.Sockets.TcpListener(endpointDefinition.Endpoint);
        listener.Server.NoDelay = true;
        listener.Start();
        OnEndpointStarted(new SmtpServer.Net.EndpointEventArgs(endpointDefinition, listener.LocalEndpoint));
        Action stopped = () =>
        {
            listener.Stop();
            OnEndpointStopped(new SmtpServer.Net.EndpointEventArgs(endpointDefinition, listener.LocalEndpoint));
        };
        // The package's own listener, whose constructor is not public.
        return (SmtpServer.Net.IEndpointListener)Activator.CreateInstance(typeof(SmtpServer.Net.EndpointListener),
            System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public,
            null, [listener, stopped], null)!;
    }
}
