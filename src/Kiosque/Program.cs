using Kiosque.Accounts;
using Kiosque.Api;
using Kiosque.Cli;
using Kiosque.Comments;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Distribution;
using Kiosque.Infrastructure;
using Kiosque.Media;
using Kiosque.Newsletter;
using Kiosque.Newsroom;
using Kiosque.Search;
using Kiosque.Site;

var builder = WebApplication.CreateBuilder(args);

builder.AddInfrastructure();    // options, clock, database (SQLite or PostgreSQL), problem details, health
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
builder.AddNewsletter();        // lists, double opt-in sign-up, editions, the per-recipient outbox and its sender
builder.AddCli(args);           // command-line verbs: logs to stderr, results to stdout

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
if (Cli.IsCommand(args))
    return await app.RunCliAsync(args);
await app.Services.SeedAsync();

app.UseSecurityHeaders();
app.UseInfrastructure();
app.MapMedia();
app.UseAuthentication();
app.UseAuthorization();
app.MapApi();
app.MapNewsroom();
app.MapDistribution();
app.MapSearch();
app.MapComments();
app.MapNewsletter();
app.MapSite();

await app.RunAsync();
return 0;

public partial class Program;
