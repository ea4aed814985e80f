namespace Kiosque.Api;

public static class ApiFeature
{
    public static void AddApi(this WebApplicationBuilder builder)
    {
    }

    public static void MapApi(this WebApplication app)
    {
    }
}
