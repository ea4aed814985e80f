namespace Kiosque.Import;

public static class ImportFeature
{
    public static void AddImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<WordPressImporter>();
    }
}
