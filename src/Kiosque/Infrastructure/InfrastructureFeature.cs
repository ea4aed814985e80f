namespace Kiosque.Infrastructure;

public static class InfrastructureFeature
{
    public static void AddInfrastructure(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KiosqueOptions>().BindConfiguration(KiosqueOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddDbContextCheck<KiosqueDb>();
        builder.Services.AddEmail();
        builder.AddDatabase();
    }

    /// <summary>Errors become RFC 9457 problem details for the API and plain pages for readers.</summary>
    public static void UseInfrastructure(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/healthz").WithMetadata(new WritesNothingAttribute("the readiness probe"));
    }
}
