using Kiosque.Content.Demo;

namespace Kiosque.Content;

public static class ContentFeature
{
    public static void AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HtmlSanitizing>();
        builder.Services.AddScoped<DemoContent>();
    }
}
