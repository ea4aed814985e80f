namespace Kiosque.Content.Workflow;

/// <summary>
/// Something that happened to an article, raised by the workflow after its transaction committed: a rolled-back
/// or refused write raises nothing. Path is the article's site-relative path at that moment.
/// </summary>
public abstract record ArticleEvent(int ArticleId, string Path, Actor Actor, DateTime At);

public sealed record ArticlePublished(int ArticleId, string Path, Actor Actor, DateTime At) : ArticleEvent(ArticleId, Path, Actor, At);

/// <summary>Content saved (created, edited, restored, corrected); PreviousPath when the slug or section changed.</summary>
public sealed record ArticleChanged(int ArticleId, string Path, Actor Actor, DateTime At, string? PreviousPath)
    : ArticleEvent(ArticleId, Path, Actor, At);

public sealed record ArticleUnpublished(int ArticleId, string Path, Actor Actor, DateTime At) : ArticleEvent(ArticleId, Path, Actor, At);

public sealed record ArticleDeleted(int ArticleId, string Path, Actor Actor, DateTime At) : ArticleEvent(ArticleId, Path, Actor, At);

/// <summary>
/// A feature that reacts to article events (search index, cache eviction, webhooks): register it with
/// `services.AddScoped&lt;IArticleEvents, MyHandler&gt;()`; it is resolved from the writer's scope.
/// </summary>
public interface IArticleEvents
{
    Task HandleAsync(ArticleEvent articleEvent, CancellationToken ct);
}

/// <summary>Calls every handler for every event, in order; a failing handler is logged and does not stop the others.</summary>
public sealed class ArticleEventDispatcher(IEnumerable<IArticleEvents> handlers, ILogger<ArticleEventDispatcher> log)
{
    public async Task RaiseAsync(IReadOnlyList<ArticleEvent> events, CancellationToken ct)
    {
        foreach (var articleEvent in events)
            foreach (var handler in handlers)
            {
                try
                {
                    await handler.HandleAsync(articleEvent, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The write has committed: a handler's failure is its own to retry, not the writer's error.
                    log.LogError(e, "{Handler} failed on {Event} for article {ArticleId}.", handler.GetType().Name, articleEvent.GetType().Name, articleEvent.ArticleId);
                }
            }
    }
}
