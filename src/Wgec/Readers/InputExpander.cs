using System.Text.RegularExpressions;
using Wgec.Model;

namespace Wgec.Readers;

/// <summary>Expands the command line's files, folders and globs into a sorted, de-duplicated list of files.</summary>
public static class InputExpander
{
    /// <summary>
    /// The files named, found in folders or matched by globs. A problem with one input (missing, an unreadable
    /// subfolder) goes to <paramref name="problems"/> and the others are still expanded; without that list it is
    /// thrown. Inside folders, hidden entries (a name starting with '.', such as an editor's ".#draft.md" lock
    /// link) are not drafts and are passed over.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs, List<WgecException>? problems = null)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Problem(WgecException e)
        {
            if (problems is null) throw e;
            problems.Add(e);
        }
        foreach (var input in inputs)
        {
            IEnumerable<string> files;
            if (input.IndexOfAny(['*', '?']) >= 0) files = Glob(input, Problem);
            else if (Directory.Exists(input))
                files = FilesUnder(input, Problem)
                    .Where(f => InputFormats.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Select(f => Relative(input, f)).Order(StringComparer.Ordinal).ToList();
            else if (File.Exists(input) || new FileInfo(input).LinkTarget is not null) files = [input];
            else
            {
                Problem(new WgecException(input, null, "file not found"));
                continue;
            }

            var any = false;
            foreach (var f in files)
            {
                any = true;
                if (seen.Add(Path.GetFullPath(f))) result.Add(f);
            }
            if (!any) Problem(new WgecException(input, null, Directory.Exists(input) ? "folder holds no .md, .txt or .docx drafts" : "pattern matches no file"));
        }
        return result;
    }

    /// <summary>Every file below a folder, hidden entries and linked folders (cycles) left out; a folder that cannot be read is a problem, the rest is still listed.</summary>
    private static List<string> FilesUnder(string root, Action<WgecException> problem)
    {
        var files = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            try
            {
                foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
                {
                    if (entry.Name.StartsWith('.')) continue;
                    // Paths are built from the root as given, so a glob matches them as written.
                    var path = Path.Combine(dir, entry.Name);
                    if (entry is DirectoryInfo sub) { if (sub.LinkTarget is null) pending.Push(path); }
                    else files.Add(path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                problem(new WgecException(dir, null, $"folder cannot be read: {e.Message}"));
            }
        }
        return files;
    }

    private static string Relative(string root, string file) =>
        Path.Combine(root, Path.GetRelativePath(root, file)).Replace('\\', '/');

    private static IEnumerable<string> Glob(string pattern, Action<WgecException> problem)
    {
        var normalized = pattern.Replace('\\', '/');
        var firstWild = normalized.IndexOfAny(['*', '?']);
        var slash = normalized.LastIndexOf('/', firstWild);
        var root = slash < 0 ? "." : normalized[..slash];
        if (root.Length == 0) root = "/";
        if (!Directory.Exists(root)) return [];
        var regex = Wgec.Readers.Glob.ToRegex(normalized);
        return FilesUnder(root, problem)
            .Select(f => slash < 0 ? Path.GetRelativePath(".", f).Replace('\\', '/') : f.Replace('\\', '/'))
            .Where(f => regex.IsMatch(f))
            .Order(StringComparer.Ordinal).ToList();
    }
}
