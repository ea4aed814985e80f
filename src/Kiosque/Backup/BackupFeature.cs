namespace Kiosque.Backup;

public static class BackupFeature
{
    public static void AddBackup(this WebApplicationBuilder builder) => builder.Services.AddScoped<BackupArchive>();
}
