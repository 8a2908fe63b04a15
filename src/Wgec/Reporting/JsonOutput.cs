using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wgec.Reporting;

/// <summary>The one way reports write JSON: indented, readable non-ASCII, "\n" line ends, a final newline.</summary>
internal static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            body(w);
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}
