using System.Text;
using System.Text.Json.Nodes;
using Wgec.Model;

namespace Wgec.LanguageServer;

/// <summary>
/// A draft the editor has open: its text as the editor holds it (not as saved), the editor's version number,
/// and the state of its checking. Positions are LSP positions: 0-based line and UTF-16 column, as .NET strings count.
/// </summary>
public sealed class OpenDraft
{
    public OpenDraft(string uri, string languageId, int version, string text)
    {
        Uri = uri;
        Path = PathOf(uri, languageId);
        Version = version;
        Text = text;
    }

    public string Uri { get; }
    /// <summary>The local file the draft is (its configuration, rule packs and format follow from it).</summary>
    public string Path { get; }
    public int Version { get; private set; }
    public string Text { get; private set; }
    /// <summary>Counts the changes applied here (the client's version numbers are not trusted to increase).</summary>
    public int Revision { get; private set; }

    /// <summary>Held by the checking loop; see <see cref="DraftChecking"/>.</summary>
    internal DraftChecking Checking { get; } = new();

    /// <summary>Applies the content changes of one didChange, in order: a change with a range replaces that range; one without replaces all.</summary>
    public void Apply(int version, JsonArray changes)
    {
        var text = Text;
        foreach (var change in changes)
        {
            var newText = Lsp.String(change, "text");
            if (change!["range"] is JsonObject range)
            {
                var lines = new SourceText(Path, text);
                var start = OffsetOf(lines, range["start"]);
                var end = OffsetOf(lines, range["end"]);
                if (end < start) (start, end) = (end, start);
                text = string.Concat(text.AsSpan(0, start), newText, text.AsSpan(end));
            }
            else text = newText;
        }
        Text = text;
        Version = version;
        Revision++;
    }

    /// <summary>Offset of an LSP position; a position past the end of its line or of the text is clamped to it, as the protocol asks.</summary>
    public static int OffsetOf(SourceText source, JsonNode? position)
    {
        var line = Lsp.Int(position, "line");
        var character = Lsp.Int(position, "character");
        if (line < 0 || character < 0) throw new ProtocolException(ErrorCodes.InvalidParams, "a position has a negative line or character");
        if (line >= source.LineCount) return source.Text.Length;
        // Clamped to the line's content: past the end of a "\r\n" line is before the '\r', never between the two.
        var start = source.LineStart(line);
        return start + Math.Min(character, source.LineEnd(line) - start);
    }

    /// <summary>
    /// A file: URI gives its local path. Other schemes (an unsaved buffer) get a name in the current folder whose
    /// extension follows the language, so a Markdown buffer is read as Markdown.
    /// </summary>
    public static string PathOf(string uri, string languageId)
    {
        if (System.Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile) return u.LocalPath;
        var name = new StringBuilder();
        foreach (var c in uri.Split('/', ':', '\\').LastOrDefault(s => s.Length > 0) ?? "untitled")
            name.Append(char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        var stem = System.IO.Path.GetFileNameWithoutExtension(name.ToString());
        var ext = languageId == "markdown" ? ".md" : System.IO.Path.GetExtension(name.ToString()) is { Length: > 0 } e ? e : ".txt";
        return System.IO.Path.Combine(Environment.CurrentDirectory, (stem.Length > 0 ? stem : "untitled") + ext);
    }
}
