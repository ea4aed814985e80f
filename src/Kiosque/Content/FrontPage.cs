namespace Kiosque.Content;

/// <summary>
/// A place on the home page chosen by an editor: position 0 is the lead story, the next ones follow in order.
/// The reader's home shows only slots whose article is public at read time, so unpublishing needs no clean-up.
/// </summary>
public sealed class FrontPageSlot
{
    public int Id { get; set; }
    public int Position { get; set; }
    public int ArticleId { get; set; }
    public Article Article { get; set; } = null!;
}
