namespace Kiosque.Infrastructure;

/// <summary>
/// Marks an endpoint that answers every HTTP method but changes nothing (an error page, a probe, the API's
/// catch-all), so the endpoint security convention test knows it needs neither authorization nor anti-forgery.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class WritesNothingAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
