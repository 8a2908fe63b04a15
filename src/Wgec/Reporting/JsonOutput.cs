using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wgec.Reporting;

/// <summary>
/// The one way reports write JSON: indented, readable non-ASCII, "\n" line ends, a final newline; streamed to
/// the output (a report of 20,000 proposals is 100 MB of JSON, which must not be held in memory several times).
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n",
    };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using (var stream = new Utf8ToTextStream(output))
        using (var w = new Utf8JsonWriter(stream, Options))
            body(w);
        output.Write('\n');
    }

    /// <summary>Passes what the writer holds on to the output once it is more than 64 KB (call between records).</summary>
    public static void FlushSometimes(Utf8JsonWriter w)
    {
        if (w.BytesPending > 1 << 16) w.Flush();
    }

    /// <summary>A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/> (a character split across writes is kept for the next).</summary>
    private sealed class Utf8ToTextStream(TextWriter output) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        private char[] _chars = new char[4096];

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (needed > _chars.Length) _chars = new char[Math.Max(needed, _chars.Length * 2)];
            var count = _decoder.GetChars(buffer, _chars, flush: false);
            output.Write(_chars, 0, count);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        /// <summary>A sequence the writer left unfinished is an error, not a character silently dropped.</summary>
        protected override void Dispose(bool disposing)
        {
            if (disposing && _decoder.GetCharCount([], flush: true) > 0) throw new InvalidOperationException("JSON output ended inside a character");
            base.Dispose(disposing);
        }
        public override void Flush() => output.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
