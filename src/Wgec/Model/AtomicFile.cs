using System.Text;

namespace Wgec.Model;

/// <summary>Writes a file through a temporary sibling and a rename, so a reader never sees half of it.</summary>
public static class AtomicFile
{
    public static void Write(string path, string text, bool byteOrderMark = false)
    {
        var full = Path.GetFullPath(path);
        var tmp = full + ".wgec.tmp";
        File.WriteAllText(tmp, text, new UTF8Encoding(byteOrderMark));
        File.Move(tmp, full, overwrite: true);
    }
}
