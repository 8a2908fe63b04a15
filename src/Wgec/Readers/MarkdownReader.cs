using System.Text.RegularExpressions;
using Wgec.Model;
using YamlDotNet.RepresentationModel;

namespace Wgec.Readers;

/// <summary>
/// Markdown drafts: optional YAML front matter (title, profile); each "## ID optional title" heading opens a
/// proposal whose id is the first word after "##"; text before the first such heading is preamble.
/// </summary>
public static partial class MarkdownReader
{
    [GeneratedRegex(@"^##[ \t]+(?<id>\S+)(?:[ \t]+(?<title>.*?))?[ \t]*#*[ \t]*$")]
    private static partial Regex ProposalHeading();

    [GeneratedRegex(@"^#[ \t]+\S")]
    private static partial Regex TopHeading();

    public static readonly InputFormat Format = new("markdown", [".md", ".markdown"]) { Parse = Read };

    public static PolicyDocument Read(SourceText source)
    {
        var (bodyStart, title, profile) = ReadFrontMatter(source);
        var proposals = new List<Proposal>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        (int Line, string Id, string Title)? open = null;

        void Close(int lastLine)
        {
            if (open is { } o)
            {
                var p = ProposalFactory.FromLines(source, o.Line + 1, lastLine, o.Id, o.Title, "", "", o.Line);
                p ??= new Proposal { Id = o.Id, Title = o.Title, Source = source, HeadingLine = o.Line, Start = source.LineEnd(o.Line), End = source.LineEnd(o.Line), Text = "" };
                proposals.Add(p);
            }
            open = null;
        }

        var inFence = false;
        var inComment = false;
        for (var i = bodyStart; i < source.LineCount; i++)
        {
            var line = source.Line(i);
            if (!inComment && line.TrimStart().StartsWith("```", StringComparison.Ordinal)) inFence = !inFence;
            if (inFence) continue;
            // A heading inside a multi-line HTML comment is commented out, not a proposal.
            var wasInComment = inComment;
            inComment = InCommentAfter(line, inComment);
            if (wasInComment) continue;
            var h = ProposalHeading().Match(line);
            if (h.Success)
            {
                Close(i - 1);
                var id = h.Groups["id"].Value;
                if (ids.TryGetValue(id, out var firstLine))
                    throw new WgecException(source.Path, i + 1, $"proposal id '{id}' is used twice (first at line {firstLine})");
                ids[id] = i + 1;
                open = (i, id, h.Groups["title"].Value.Trim());
            }
            else if (TopHeading().IsMatch(line))
            {
                Close(i - 1);
                if (title.Length == 0) title = line.TrimStart('#', ' ').Trim();
            }
        }
        Close(source.LineCount - 1);
        for (var i = 0; i < proposals.Count; i++) proposals[i].Ordinal = i;
        return new PolicyDocument { Path = source.Path, Source = source, Proposals = proposals, Title = title, Profile = profile, Format = Format.Name };
    }

    /// <summary>Whether a line leaves an HTML comment open ("&lt;!--" without its "--&gt;").</summary>
    private static bool InCommentAfter(string line, bool inComment)
    {
        var at = 0;
        while (true)
        {
            if (inComment)
            {
                var close = line.IndexOf("-->", at, StringComparison.Ordinal);
                if (close < 0) return true;
                (inComment, at) = (false, close + 3);
            }
            else
            {
                var open = line.IndexOf("<!--", at, StringComparison.Ordinal);
                if (open < 0) return false;
                (inComment, at) = (true, open + 4);
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][\w-]*[ \t]*:")]
    private static partial Regex KeyLine();

    /// <summary>
    /// Front matter is a YAML mapping between a first line "---" and the next "---" or "...". A draft that merely
    /// opens with a horizontal rule is not front matter: the block must not hold a proposal heading, and its first
    /// line must read "key: value"; otherwise the "---" lines are the draft's own and nothing is skipped.
    /// </summary>
    private static (int BodyStart, string Title, string? Profile) ReadFrontMatter(SourceText source)
    {
        if (source.LineCount == 0 || source.Line(0).Trim() != "---") return (0, "", null);
        var end = -1;
        for (var i = 1; i < source.LineCount; i++)
        {
            if (source.Line(i).Trim() is "---" or "...") { end = i; break; }
        }
        var block = Enumerable.Range(1, Math.Max(0, (end < 0 ? source.LineCount : end) - 1)).Select(source.Line).ToList();
        var firstContent = block.FirstOrDefault(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
        var looksLikeYaml = firstContent is not null && KeyLine().IsMatch(firstContent) && !block.Any(l => ProposalHeading().IsMatch(l));
        if (!looksLikeYaml) return (0, "", null);
        if (end < 0) throw new WgecException(source.Path, 1, "front matter opened with '---' is never closed");
        var yamlText = string.Join("\n", block);
        YamlGuard.Check(source.Path, yamlText, lineOffset: 1);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new WgecException(source.Path, (int)e.Start.Line + 1, $"front matter is not valid YAML: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new WgecException(source.Path, 1, $"front matter is not valid YAML: {e.Message}");
        }
        string title = "";
        string? profile = null;
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
        {
            foreach (var (k, v) in map.Children)
            {
                var key = (k as YamlScalarNode)?.Value;
                var value = (v as YamlScalarNode)?.Value ?? "";
                if (key == "title") title = value;
                else if (key == "profile") profile = value;
            }
        }
        return (end + 1, title, profile);
    }
}
