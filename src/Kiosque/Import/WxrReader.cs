using System.Globalization;
using System.Xml;

namespace Kiosque.Import;

/// <summary>A WordPress export the importer refuses: the line (0 when unknown) and the reason, nothing imported.</summary>
public sealed class WxrException(int line, string reason) : Exception(line > 0 ? $"line {line}: {reason}" : reason)
{
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}

public sealed record WxrSite(string? BaseUrl, string? WxrVersion);
public sealed record WxrAuthor(int Line, string Login, string? Email, string DisplayName);
public sealed record WxrTerm(int Line, bool IsTag, string Slug, string Name, string? Description);
public sealed record WxrTermRef(bool IsTag, string Slug, string Name);

public sealed class WxrComment
{
    public int Line { get; init; }
    public long Id { get; set; }
    public long ParentId { get; set; }
    public string Author { get; set; } = "";
    public string? Email { get; set; }
    public string? Ip { get; set; }
    public DateTime? DateGmt { get; set; }
    public DateTime? Date { get; set; }
    public string Content { get; set; } = "";
    public string Approved { get; set; } = "";
    public string Type { get; set; } = "";
}

public sealed class WxrItem
{
    public int Line { get; init; }
    public string Title { get; set; } = "";
    public string? Link { get; set; }
    public string? GuidText { get; set; }
    public string? Creator { get; set; }
    public string Content { get; set; } = "";
    public string Excerpt { get; set; } = "";
    public long PostId { get; set; }
    public DateTime? DateGmt { get; set; }
    public DateTime? Date { get; set; }
    public DateTime? PubDate { get; set; }
    public string CommentStatus { get; set; } = "";
    public string PostName { get; set; } = "";
    public string Status { get; set; } = "";
    public long ParentId { get; set; }
    public string PostType { get; set; } = "";
    public string Password { get; set; } = "";
    public bool Sticky { get; set; }
    public string? AttachmentUrl { get; set; }
    public List<WxrTermRef> Terms { get; } = [];
    public Dictionary<string, string> Meta { get; } = new(StringComparer.Ordinal);
    public List<WxrComment> Comments { get; } = [];

    public DateTime? When => DateGmt ?? Date ?? PubDate;
}

/// <summary>
/// Reads a WordPress eXtended RSS export one element at a time (flat memory for any size). DTDs are refused
/// outright, so external entities and entity-expansion bombs never get a chance; no resolver, bounded fields.
/// Yields the site, authors, categories and tags, and items in document order.
/// </summary>
public static class WxrReader
{
    /// <summary>The largest single field (a post's body, say): beyond it the export is refused, not truncated.</summary>
    public const int MaxField = 8 * 1024 * 1024;
    const int MaxItemComments = 100_000;
    static readonly HashSet<string> KeptMeta = ["_thumbnail_id", "_wp_attachment_image_alt", "_wp_attached_file"];

    public static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        Async = false,
    };

    public static IEnumerable<object> Read(Stream stream)
    {
        var doctypeLine = DoctypeLine(stream);
        using var reader = XmlReader.Create(stream, Settings);
        var line = (IXmlLineInfo)reader;
        var sawRoot = false;
        string? baseUrl = null, version = null, link = null;
        var sentSite = false;
        // A handler that reads an element whole leaves the reader on the node after it, which may be the next
        // element (exports without line breaks): then that node is looked at without reading on.
        var onNextNode = false;
        while (true)
        {
            if (!onNextNode)
            {
                try { reader.Read(); }
                catch (XmlException e) { throw Wrap(e, line, doctypeLine); }
            }
            onNextNode = false;
            if (reader.EOF) break;
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (!sawRoot)
            {
                if (reader.LocalName != "rss")
                    throw new WxrException(line.LineNumber, ImportText.NotAnExport(reader.Name));
                sawRoot = true;
                continue;
            }
            if (reader.Depth != 2) continue;
            var ns = Ns(reader.NamespaceURI);
            object? yielded = null;
            var (startLine, startPosition) = (line.LineNumber, line.LinePosition);
            try
            {
                switch (ns, reader.LocalName)
                {
                    case (NsKind.None, "link"): link = Text(reader); break;
                    case (NsKind.Wp, "wxr_version"): version = Text(reader); break;
                    case (NsKind.Wp, "base_blog_url"): baseUrl = Text(reader); break;
                    case (NsKind.Wp, "author"): yielded = ReadAuthor(reader); break;
                    case (NsKind.Wp, "category"): yielded = ReadTerm(reader, false); break;
                    case (NsKind.Wp, "tag"): yielded = ReadTerm(reader, true); break;
                    case (NsKind.None, "item"): yielded = ReadItem(reader); break;
                    default: break;
                }
            }
            catch (XmlException e) { throw Wrap(e, line, doctypeLine); }
            onNextNode = line.LineNumber != startLine || line.LinePosition != startPosition;
            if (yielded is null) continue;
            if (!sentSite)
            {
                if (version is null)
                    throw new WxrException(startLine, ImportText.NoVersionBeforeFirstEntry);
                sentSite = true;
                yield return new WxrSite(baseUrl ?? link, version);
            }
            yield return yielded;
        }
        if (!sawRoot) throw new WxrException(0, ImportText.EmptyFile);
        if (!sentSite)
        {
            if (version is null) throw new WxrException(0, ImportText.NoVersion);
            yield return new WxrSite(baseUrl ?? link, version);
        }
    }

    static WxrException Wrap(XmlException e, IXmlLineInfo where, int doctypeLine)
    {
        if (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
            return new WxrException(e.LineNumber > 0 ? e.LineNumber : doctypeLine, ImportText.Dtd);
        return new WxrException(e.LineNumber > 0 ? e.LineNumber : where.LineNumber, ImportText.Malformed(StripPosition(e.Message)));
    }

    /// <summary>The reader refuses a DTD without saying where: the line of "&lt;!DOCTYPE" in the first 64 KB, for the message.</summary>
    static int DoctypeLine(Stream stream)
    {
        if (!stream.CanSeek) return 0;
        var start = stream.Position;
        var buffer = new byte[64 * 1024];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        stream.Position = start;
        var head = buffer.AsSpan(0, read);
        var at = head.IndexOf("<!DOCTYPE"u8);
        return at < 0 ? 0 : head[..at].Count((byte)'\n') + 1;
    }

    static string StripPosition(string message)
    {
        var i = message.IndexOf(" Line ", StringComparison.Ordinal);
        return i > 0 ? message[..i] : message;
    }

    enum NsKind { None, Wp, Content, Excerpt, Dc, Other }

    static NsKind Ns(string uri) =>
        uri.Length == 0 ? NsKind.None
        : uri.Contains("wordpress.org/export/", StringComparison.Ordinal) ? uri.Contains("/excerpt/", StringComparison.Ordinal) ? NsKind.Excerpt : NsKind.Wp
        : uri.Contains("purl.org/rss/1.0/modules/content", StringComparison.Ordinal) ? NsKind.Content
        : uri.Contains("purl.org/dc/elements", StringComparison.Ordinal) ? NsKind.Dc
        : NsKind.Other;

    /// <summary>The element's text; leaves the reader after its end tag.</summary>
    static string Text(XmlReader reader)
    {
        var lineNumber = ((IXmlLineInfo)reader).LineNumber;
        var name = reader.Name;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return "";
        }
        var text = reader.ReadElementContentAsString();
        if (text.Length > MaxField)
            throw new WxrException(lineNumber, ImportText.FieldTooLong(name, text.Length, MaxField));
        return text.Trim();
    }

    /// <summary>Walks the children of the element the reader is on, calling <paramref name="child"/> on each.</summary>
    static void Children(XmlReader reader, Action<NsKind, string> child)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }
        var depth = reader.Depth;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
            {
                var info = (IXmlLineInfo)reader;
                var (line, position) = (info.LineNumber, info.LinePosition);
                child(Ns(reader.NamespaceURI), reader.LocalName);
                // The handler either consumed the element (moving past it) or left it: skip it then.
                if (info.LineNumber == line && info.LinePosition == position) reader.Skip();
                continue;
            }
            reader.Read();
        }
        reader.Read();
    }

    static WxrAuthor ReadAuthor(XmlReader reader)
    {
        var lineNumber = ((IXmlLineInfo)reader).LineNumber;
        string login = "", display = "";
        string? email = null;
        Children(reader, (ns, name) =>
        {
            if (ns != NsKind.Wp) return;
            switch (name)
            {
                case "author_login": login = Text(reader); break;
                case "author_email": email = Text(reader); break;
                case "author_display_name": display = Text(reader); break;
                default: break;
            }
        });
        if (login.Length == 0) throw new WxrException(lineNumber, ImportText.NoAuthorLogin);
        return new WxrAuthor(lineNumber, login, string.IsNullOrWhiteSpace(email) ? null : email, display.Length > 0 ? display : login);
    }

    static WxrTerm ReadTerm(XmlReader reader, bool isTag)
    {
        var lineNumber = ((IXmlLineInfo)reader).LineNumber;
        string slug = "", name = "";
        string? description = null;
        Children(reader, (ns, local) =>
        {
            if (ns != NsKind.Wp) return;
            switch (local)
            {
                case "category_nicename" or "tag_slug": slug = Text(reader); break;
                case "cat_name" or "tag_name": name = Text(reader); break;
                case "category_description" or "tag_description": description = Text(reader); break;
                default: break;
            }
        });
        if (slug.Length == 0 && name.Length == 0)
            throw new WxrException(lineNumber, ImportText.TermWithoutName(isTag));
        return new WxrTerm(lineNumber, isTag, slug.Length > 0 ? slug : name, name.Length > 0 ? name : slug,
            string.IsNullOrWhiteSpace(description) ? null : description);
    }

    static WxrItem ReadItem(XmlReader reader)
    {
        var item = new WxrItem { Line = ((IXmlLineInfo)reader).LineNumber };
        var postIdSeen = false;
        Children(reader, (ns, name) =>
        {
            var lineNumber = ((IXmlLineInfo)reader).LineNumber;
            switch (ns, name)
            {
                case (NsKind.None, "title"): item.Title = Text(reader); break;
                case (NsKind.None, "link"): item.Link = Text(reader); break;
                case (NsKind.None, "guid"): item.GuidText = Text(reader); break;
                case (NsKind.None, "pubDate"): item.PubDate = RssDate(Text(reader)); break;
                case (NsKind.None, "category"):
                    var domain = reader.GetAttribute("domain");
                    var nicename = reader.GetAttribute("nicename");
                    var termName = Text(reader);
                    if (domain is "category" or "post_tag" && (nicename ?? termName).Length > 0)
                        item.Terms.Add(new WxrTermRef(domain == "post_tag", nicename ?? termName, termName.Length > 0 ? termName : nicename!));
                    break;
                case (NsKind.Dc, "creator"): item.Creator = Text(reader); break;
                case (NsKind.Content, "encoded"): item.Content = Text(reader); break;
                case (NsKind.Excerpt, "encoded"): item.Excerpt = Text(reader); break;
                case (NsKind.Wp, "post_id"):
                    item.PostId = Number(Text(reader), lineNumber, "wp:post_id");
                    postIdSeen = true;
                    break;
                case (NsKind.Wp, "post_date"): item.Date = WpDate(Text(reader), lineNumber); break;
                case (NsKind.Wp, "post_date_gmt"): item.DateGmt = WpDate(Text(reader), lineNumber); break;
                case (NsKind.Wp, "comment_status"): item.CommentStatus = Text(reader); break;
                case (NsKind.Wp, "post_name"): item.PostName = Text(reader); break;
                case (NsKind.Wp, "status"): item.Status = Text(reader); break;
                case (NsKind.Wp, "post_parent"): item.ParentId = Number(Text(reader), lineNumber, "wp:post_parent", allowEmpty: true); break;
                case (NsKind.Wp, "post_type"): item.PostType = Text(reader); break;
                case (NsKind.Wp, "post_password"): item.Password = Text(reader); break;
                case (NsKind.Wp, "is_sticky"): item.Sticky = Text(reader) == "1"; break;
                case (NsKind.Wp, "attachment_url"): item.AttachmentUrl = Text(reader); break;
                case (NsKind.Wp, "postmeta"): ReadMeta(reader, item); break;
                case (NsKind.Wp, "comment"):
                    if (item.Comments.Count >= MaxItemComments)
                        throw new WxrException(lineNumber, ImportText.TooManyComments(MaxItemComments));
                    item.Comments.Add(ReadComment(reader));
                    break;
                default: break;
            }
        });
        if (!postIdSeen) throw new WxrException(item.Line, ImportText.NoPostId(Shorten(item.Title)));
        if (item.PostType.Length == 0) throw new WxrException(item.Line, ImportText.NoPostType(item.PostId));
        return item;
    }

    static void ReadMeta(XmlReader reader, WxrItem item)
    {
        string key = "", value = "";
        Children(reader, (ns, name) =>
        {
            if (ns != NsKind.Wp) return;
            if (name == "meta_key") key = Text(reader);
            else if (name == "meta_value") value = Text(reader);
        });
        if (KeptMeta.Contains(key)) item.Meta[key] = value;
    }

    static WxrComment ReadComment(XmlReader reader)
    {
        var comment = new WxrComment { Line = ((IXmlLineInfo)reader).LineNumber };
        Children(reader, (ns, name) =>
        {
            if (ns != NsKind.Wp) return;
            var lineNumber = ((IXmlLineInfo)reader).LineNumber;
            switch (name)
            {
                case "comment_id": comment.Id = Number(Text(reader), lineNumber, "wp:comment_id"); break;
                case "comment_parent": comment.ParentId = Number(Text(reader), lineNumber, "wp:comment_parent", allowEmpty: true); break;
                case "comment_author": comment.Author = Text(reader); break;
                case "comment_author_email": comment.Email = Text(reader); break;
                case "comment_author_IP": comment.Ip = Text(reader); break;
                case "comment_date": comment.Date = WpDate(Text(reader), lineNumber); break;
                case "comment_date_gmt": comment.DateGmt = WpDate(Text(reader), lineNumber); break;
                case "comment_content": comment.Content = Text(reader); break;
                case "comment_approved": comment.Approved = Text(reader); break;
                case "comment_type": comment.Type = Text(reader); break;
                default: break;
            }
        });
        if (comment.Id <= 0) throw new WxrException(comment.Line, ImportText.NoCommentId);
        return comment;
    }

    static long Number(string text, int line, string field, bool allowEmpty = false)
    {
        if (allowEmpty && text.Length == 0) return 0;
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new WxrException(line, ImportText.NotANumber(field, Shorten(text)));
    }

    /// <summary>"2012-01-07 14:07:21"; WordPress writes zeros for "never" (drafts).</summary>
    static DateTime? WpDate(string text, int line)
    {
        if (text.Length == 0 || text.StartsWith("0000-00-00", StringComparison.Ordinal)) return null;
        return DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            ? DateTime.SpecifyKind(d, DateTimeKind.Utc)
            : throw new WxrException(line, ImportText.BadDate(Shorten(text)));
    }

    static DateTime? RssDate(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d.UtcDateTime : null;

    public static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
