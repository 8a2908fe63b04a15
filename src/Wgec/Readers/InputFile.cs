using System.Text;
using Wgec.Model;

namespace Wgec.Readers;

/// <summary>Reads an input file strictly: missing, empty, binary or non-UTF-8 input is an error, never a guess.</summary>
public static class InputFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceText Read(string path)
    {
        if (Directory.Exists(path)) throw new WgecException(path, null, "is a folder, not a file");
        if (!File.Exists(path)) throw new WgecException(path, null, "file not found");
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WgecException(path, null, $"cannot be read: {e.Message}");
        }
        return Decode(path, bytes);
    }

    public static SourceText Decode(string path, byte[] bytes)
    {
        var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
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
