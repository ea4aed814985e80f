namespace Kiosque.Content.Workflow;

public static class WorkflowFeature
{
    /// <summary>Article writes with roles, revisions, audit and events; scheduled publishing in the background.</summary>
    public static void AddWorkflow(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchedulingOptions>().BindConfiguration(SchedulingOptions.SectionName);
        builder.Services.AddScoped<ArticleWorkflow>();
        builder.Services.AddScoped<ArticleHistory>();
        builder.Services.AddScoped<ArticleEventDispatcher>();
        builder.Services.AddSingleton<ScheduledPublishing>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublishing>());
        builder.Services.AddSingleton(new Observability.QueueDepth("scheduled-articles", db => db.Articles.LongCount(a => a.Status == ArticleStatus.Scheduled)));
    }
}
