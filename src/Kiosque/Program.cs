using Kiosque.Accounts;
using Kiosque.Api;
using Kiosque.Backup;
using Kiosque.Caching;
using Kiosque.Cli;
using Kiosque.Comments;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Distribution;
using Kiosque.Import;
using Kiosque.Infrastructure;
using Kiosque.Media;
using Kiosque.Newsletter;
using Kiosque.Newsroom;
using Kiosque.Observability;
using Kiosque.ScaleOut;
using Kiosque.Search;
using Kiosque.Site;
using Kiosque.Webhooks;
using Kiosque.Wires;

var builder = WebApplication.CreateBuilder(args);

builder.AddInfrastructure();    // options, clock, database (SQLite or PostgreSQL), problem details, health
builder.AddObservability();     // /healthz, /readyz, metrics at /metrics, JSON logs by setting
builder.AddCaching();           // output caching of public pages, feeds and sitemaps, evicted by tag after writes
builder.AddScaleOut();          // several instances: keys in the database, evictions and rate limits through Redis
builder.AddContent();           // HTML sanitizing, demo content
builder.AddWorkflow();          // article writes: roles, revisions, audit log, events, scheduled publishing
builder.AddMedia();             // image validation and storage
builder.AddApi();               // bearer tokens, roles, /api/v1, OpenAPI
builder.AddAccounts();          // Identity users and roles, newsroom cookie, two-factor, one-time links
builder.AddSite();              // the reader's site
builder.AddDistribution();      // RSS, Atom and podcast feeds, sitemaps
builder.AddSearch();            // full-text search (SQLite FTS5 or PostgreSQL), "À lire aussi" suggestions
builder.AddNewsroom();          // the newsroom's pages under /newsroom, its policies and languages
builder.AddComments();          // reader comments, spam defences, moderation queue, notifications
builder.AddWires();             // IPTC ninjs wire ingest (watched folder, /api/v1/ingest/ninjs) into draft articles
builder.AddWebhooks();          // admin-registered webhooks: signed deliveries from an outbox, retried in the background
builder.AddImport();            // WordPress import: command line and newsroom upload with a background job
builder.AddBackup();            // backup and restore: one archive with content, media and checksums
builder.AddNewsletter();        // lists, double opt-in sign-up, editions, the per-recipient outbox and its sender
builder.AddCli(args);           // command-line verbs: logs to stderr, results to stdout

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
if (Cli.IsCommand(args))
    return await app.RunCliAsync(args);
await app.Services.SeedAsync();

app.UseSecurityHeaders();
app.UseInfrastructure();
app.MapObservability();
app.UseCaching();
app.MapMedia();
app.UseAuthentication();
app.UseAuthorization();
app.MapApi();
app.MapNewsroom();
app.MapDistribution();
app.MapSearch();
app.MapComments();
app.MapImport();
app.MapNewsletter();
app.MapSite();

await app.RunAsync();
return 0;

public partial class Program;
