using System.Net;
using Kiosque.Api;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Api;

public sealed class ApiAuditTests
{
    [Fact]
    public async Task Site_structure_written_through_the_API_leaves_an_audit_entry_naming_the_token_and_the_item()
    {
        await using var app = await KiosqueApp.CreateAsync();
        using var admin = await app.CreateApiClientAsync(Roles.Admin);

        var section = await (await admin.PostJsonAsync("/api/v1/sections", new { name = "Sciences" })).AssertStatusAsync(HttpStatusCode.Created);
        await (await admin.PutJsonAsync("/api/v1/sections/sciences", new { name = "Sciences et techniques" })).AssertStatusAsync(HttpStatusCode.OK);
        await (await admin.PostJsonAsync("/api/v1/pages", new { title = "Mentions légales", status = "published" })).AssertStatusAsync(HttpStatusCode.Created);
        await (await admin.PutJsonAsync("/api/v1/site/navigation", new[] { new { label = "Sciences", url = "/sciences" } })).AssertStatusAsync(HttpStatusCode.OK);

        var entries = await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["section.created", "section.updated", "page.created", "navigation.updated"], entries.Select(e => e.Action));
        var created = entries[0];
        Assert.Equal("section", created.EntityType);
        Assert.Equal(section.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), created.EntityId);
        Assert.Equal("test-admin", created.ActorName);
        Assert.Equal("Sciences et techniques", entries[1].Summary);
    }

    [Fact]
    public async Task A_refused_write_leaves_no_audit_entry()
    {
        await using var app = await KiosqueApp.CreateAsync();
        using var admin = await app.CreateApiClientAsync(Roles.Admin);
        await (await admin.PostJsonAsync("/api/v1/sections", new { name = "Sciences" })).AssertStatusAsync(HttpStatusCode.Created);
        await (await admin.PostJsonAsync("/api/v1/sections", new { name = "Autre", slug = "sciences" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }
}
