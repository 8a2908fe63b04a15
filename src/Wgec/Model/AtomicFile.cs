using System.Security.Cryptography;
using System.Text;

namespace Wgec.Model;

/// <summary>
/// Writes a file so that nothing is lost: through a temporary sibling with an unpredictable name, created
/// exclusively (a link planted there is never followed) and removed on every failure, then renamed over the
/// target, so a reader never sees half a file. A replaced file keeps its mode and owner; a symbolic link is
/// kept and its target written; a read-only file, a file with other hard links and a file whose owner cannot
/// be kept are refused, since replacing them would change what they are. A device or pipe (/dev/stdout) is
/// written directly. Every problem is a <see cref="WgecException"/> naming the path; nothing is written then.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, string text, bool byteOrderMark = false) =>
        Write(path, writer => writer.Write(text), byteOrderMark);

    /// <summary>Writes what <paramref name="body"/> writes, as UTF-8, streamed through the temporary file.</summary>
    public static void Write(string path, Action<TextWriter> body, bool byteOrderMark = false) =>
        Write(path, (Stream stream) =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(byteOrderMark), 1 << 16, leaveOpen: true);
            body(writer);
        });

    public static void Write(string path, byte[] bytes) => Write(path, (Stream stream) => stream.Write(bytes));

    private static void Write(string path, Action<Stream> body)
    {
        var target = FinalTarget(path);
        if (Directory.Exists(target)) throw new WgecException(path, null, "is a folder; give a file name; nothing was written");
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) throw new WgecException(path, null, $"cannot be written: the folder {folder} does not exist; nothing was written");
        var existing = File.Exists(target) ? UnixFile.Stat(target) : null;
        if (existing is { IsRegular: false })
        {
            WriteDirectly(path, target, body);
            return;
        }
        if (File.Exists(target)) RefuseToChangeIdentity(path, target, existing);

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}.wgec-tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                body(stream);
                stream.Flush(flushToDisk: true);
            }
            if (File.Exists(target) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
                if (existing is not null && !UnixFile.TryChown(temporary, existing.Owner, existing.Group) && UnixFile.EffectiveUser() != existing.Owner)
                    throw new WgecException(path, null, "belongs to another user; replacing it would change its owner; nothing was written");
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WgecException(path, null, $"cannot be written: {e.Message}; nothing was written");
        }
        finally
        {
            try { if (File.Exists(temporary)) File.Delete(temporary); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The file a path finally names: a symbolic link (or a chain of them) is followed, so the link stays a link.</summary>
    private static string FinalTarget(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is null) return full;
            var final = info.ResolveLinkTarget(returnFinalTarget: true);
            return final is null ? full : Path.GetFullPath(final.FullName);
        }
        catch (IOException e)
        {
            throw new WgecException(path, null, $"cannot be written: {e.Message}; nothing was written");
        }
    }

    private static void RefuseToChangeIdentity(string path, string target, UnixFile.Status? existing)
    {
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(target) & UnixFileMode.UserWrite) == 0
            || OperatingSystem.IsWindows() && new FileInfo(target).IsReadOnly)
            throw new WgecException(path, null, "is read-only; nothing was written");
        if (existing is { Links: > 1 })
            throw new WgecException(path, null, $"has {existing.Links} hard links; replacing it would break them; nothing was written");
    }

    private static void WriteDirectly(string path, string target, Action<Stream> body)
    {
        try
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            body(stream);
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WgecException(path, null, $"cannot be written: {e.Message}");
        }
    }
}
