using System.Text;
using Wgec.Model;

namespace Wgec.Readers;

/// <summary>Reads an input file strictly: missing, empty, binary or non-UTF-8 input is an error, never a guess.</summary>
public static class InputFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Inputs larger than this are refused unless the limit is raised (--max-file-size).</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    public static SourceText Read(string path, long maxBytes = DefaultMaxBytes) => Decode(path, ReadBytes(path, maxBytes));

    /// <summary>
    /// The bytes of a regular file, at most <paramref name="maxBytes"/>: a device, pipe or socket (a link to
    /// /dev/zero, say) is refused before it is opened, and reading stops at the limit rather than trusting the size.
    /// </summary>
    public static byte[] ReadBytes(string path, long maxBytes = DefaultMaxBytes)
    {
        if (Directory.Exists(path)) throw new WgecException(path, null, "is a folder, not a file");
        var info = new FileInfo(path);
        if (info.LinkTarget is { } link && info.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
            throw new WgecException(path, null, $"is a link to {link}, which does not exist");
        if (!info.Exists) throw new WgecException(path, null, "file not found");
        if (UnixFile.Stat(path) is { IsRegular: false }) throw new WgecException(path, null, "is not a regular file (a device, pipe or socket); only files are read");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var memory = new MemoryStream();
            var buffer = new byte[81920];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (memory.Length + n > maxBytes)
                    throw new WgecException(path, null, $"is larger than the limit of {maxBytes / (1024 * 1024)} MiB (--max-file-size MIB raises it)");
                memory.Write(buffer, 0, n);
            }
            return memory.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WgecException(path, null, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>UTF-8 (with or without a byte order mark); UTF-16 and UTF-32 only with theirs, as editors write them.</summary>
    public static SourceText Decode(string path, byte[] bytes)
    {
        if (Unicode(bytes) is { } wide)
        {
            string decoded;
            try { decoded = wide.Encoding.GetString(bytes, wide.Skip, bytes.Length - wide.Skip); }
            catch (DecoderFallbackException) { throw new WgecException(path, null, $"is not valid {wide.Encoding.EncodingName} (it starts with that byte order mark)"); }
            if (string.IsNullOrWhiteSpace(decoded)) throw new WgecException(path, null, "is empty: there is nothing to check");
            if (decoded.Contains('\0')) throw new WgecException(path, null, "is a binary file (contains a NUL character), not text");
            return new SourceText(path, decoded);
        }
        var offset = HasUtf8Bom(bytes) ? 3 : 0;
        var nul = Array.IndexOf(bytes, (byte)0, offset);
        if (nul >= 0) throw new WgecException(path, LineOfByte(bytes, nul), "is a binary file (contains a NUL byte), not text");
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException e)
        {
            var bad = e.Index >= 0 ? offset + e.Index : FirstInvalidUtf8(bytes, offset);
            throw new WgecException(path, LineOfByte(bytes, Math.Max(offset, bad)), $"is not valid UTF-8 (invalid byte at offset {bad})");
        }
        if (string.IsNullOrWhiteSpace(text)) throw new WgecException(path, null, "is empty: there is nothing to check");
        return new SourceText(path, text);
    }

    /// <summary>Whether the bytes open with UTF-8's byte order mark (kept when a file is rewritten).</summary>
    public static bool HasUtf8Bom(byte[] bytes) => bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;

    private static (Encoding Encoding, int Skip)? Unicode(byte[] b)
    {
        // UTF-32 LE's mark begins like UTF-16 LE's, so it is tested first.
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0) return (new UTF32Encoding(false, false, true), 4);
        if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF) return (new UTF32Encoding(true, false, true), 4);
        if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE) return (new UnicodeEncoding(false, false, true), 2);
        if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF) return (new UnicodeEncoding(true, false, true), 2);
        return null;
    }

    private static int LineOfByte(byte[] bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++) if (bytes[i] == (byte)'\n') line++;
        return line;
    }

    private static int FirstInvalidUtf8(byte[] bytes, int start)
    {
        var decoder = new UTF8Encoding(false, true);
        for (var end = start + 1; end <= bytes.Length; end++)
        {
            try { decoder.GetCharCount(bytes, start, end - start); }
            catch (DecoderFallbackException) { return end - 1; }
        }
        return start;
    }
}
