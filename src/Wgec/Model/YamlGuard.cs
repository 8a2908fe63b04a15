using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Wgec.Model;

/// <summary>
/// Checks untrusted YAML (rule packs, lexicons, wgec.yaml, front matter) before it is built into nodes: no
/// aliases (a 700-byte file of nested aliases expands to gigabytes when read), nesting at most
/// <see cref="MaxDepth"/> deep (node building recurses: 100,000 nested brackets overflow the stack), and
/// at most <see cref="MaxNodes"/> nodes. The scan reads parser events one by one, so it is itself bounded.
/// </summary>
public static class YamlGuard
{
    public const int MaxDepth = 64;
    public const int MaxNodes = 1_000_000;

    /// <summary>Throws a located <see cref="WgecException"/> for the first thing over a limit; a syntax error is left to the real load.</summary>
    public static void Check(string path, string text, int lineOffset = 0)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var nodes = 0;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                var line = (int)e.Start.Line + lineOffset;
                if (e is AnchorAlias)
                    throw new WgecException(path, line, "YAML aliases (*name) are not allowed here; write the value out");
                if (e is MappingStart or SequenceStart)
                {
                    if (++depth > MaxDepth) throw new WgecException(path, line, $"YAML is nested more than {MaxDepth} levels deep");
                }
                else if (e is MappingEnd or SequenceEnd) depth--;
                if (e is MappingStart or SequenceStart or Scalar && ++nodes > MaxNodes)
                    throw new WgecException(path, line, $"YAML has more than {MaxNodes} values");
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // Not valid YAML: the load that follows reports it with its own message.
        }
    }
}
