namespace Kiosque.Infrastructure;

public static class InfrastructureFeature
{
    public static void AddInfrastructure(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KiosqueOptions>().BindConfiguration(KiosqueOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        builder.Services.AddHealthChecks().AddDbContextCheck<KiosqueDb>(tags: [HealthTags.Ready]);
        builder.Services.AddEmail();
        builder.AddDatabase();
    }

    /// <summary>Errors become RFC 9457 problem details for the API and plain pages for readers.</summary>
    public static void UseInfrastructure(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }
}

public static class HealthTags
{
    /// <summary>Checks /readyz runs (the database, Redis); /healthz runs none: the process answers, it is alive.</summary>
    public const string Ready = "ready";
}
