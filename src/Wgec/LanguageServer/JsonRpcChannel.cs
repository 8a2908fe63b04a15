using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wgec.LanguageServer;

/// <summary>
/// The LSP base protocol over two streams: each message is "Content-Length: N\r\n\r\n" and N bytes of UTF-8 JSON.
/// Written here, not taken from StreamJsonRpc, because a language server must survive a malformed message by
/// answering it and reading on; StreamJsonRpc closes the connection on one (vs-streamjsonrpc#133, closed as
/// won't fix). Reading is done by one loop; writing may come from any thread and is serialised.
/// </summary>
public sealed class JsonRpcChannel(Stream input, Stream output)
{
    /// <summary>A larger message is read past and answered with an error, so a runaway client cannot exhaust memory.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;
    private const int MaxHeaderBytes = 8 * 1024;

    private readonly BufferedStream _input = new(input, 64 * 1024);
    private readonly SemaphoreSlim _writing = new(1, 1);
    private bool _broken;

    /// <summary>What one read produced: a JSON object, an error to answer (the message could not be used), or the end of input.</summary>
    public abstract record Incoming;
    public sealed record Received(JsonObject Message) : Incoming;
    public sealed record Unreadable(int Code, string Reason, JsonNode? Id = null) : Incoming;
    public sealed record Ended : Incoming;

    public async Task<Incoming> ReadAsync(CancellationToken cancel = default)
    {
        var header = await ReadHeaderAsync(cancel);
        if (header is null) return new Ended();
        int? length = null;
        foreach (var line in header.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            // Searched for anywhere in the line: after a message whose length was missing, its body runs into the
            // next header, and this finds that header again.
            const string name = "Content-Length:";
            var at = line.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && int.TryParse(line[(at + name.Length)..].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
                length = n;
        }
        if (length is null) return new Unreadable(ErrorCodes.ParseError, "message header has no valid Content-Length");
        if (length > MaxMessageBytes)
        {
            if (!await SkipAsync(length.Value, cancel)) return new Ended();
            return new Unreadable(ErrorCodes.InvalidRequest, $"message of {length} bytes is larger than the limit of {MaxMessageBytes} bytes");
        }
        var body = new byte[length.Value];
        try
        {
            await _input.ReadExactlyAsync(body, cancel);
        }
        catch (EndOfStreamException)
        {
            return new Ended();
        }
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            return new Unreadable(ErrorCodes.ParseError, $"message is not valid JSON: {e.Message}");
        }
        if (node is not JsonObject message) return new Unreadable(ErrorCodes.InvalidRequest, "message is not a JSON object (batches are not part of LSP)");
        return new Received(message);
    }

    /// <summary>Header lines up to the blank line, or null at the end of input. An over-long header is cut off and reported by its missing length.</summary>
    private async Task<string?> ReadHeaderAsync(CancellationToken cancel)
    {
        var bytes = new List<byte>(128);
        var one = new byte[1];
        while (true)
        {
            var n = await _input.ReadAsync(one, cancel);
            if (n == 0) return bytes.Count == 0 ? null : Encoding.ASCII.GetString(bytes.ToArray());
            bytes.Add(one[0]);
            var c = bytes.Count;
            if (c >= 4 && bytes[c - 4] == '\r' && bytes[c - 3] == '\n' && bytes[c - 2] == '\r' && bytes[c - 1] == '\n')
                return Encoding.ASCII.GetString(bytes.ToArray(), 0, c - 4);
            // Blank lines between messages are tolerated; a header that never ends is not.
            if (c == 2 && bytes[0] == '\r' && bytes[1] == '\n') bytes.Clear();
            if (c > MaxHeaderBytes) return "";
        }
    }

    private async Task<bool> SkipAsync(long count, CancellationToken cancel)
    {
        var buffer = new byte[64 * 1024];
        while (count > 0)
        {
            var n = await _input.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancel);
            if (n == 0) return false;
            count -= n;
        }
        return true;
    }

    /// <summary>Writes one message; false once the other side has gone (the server then stops).</summary>
    public async Task<bool> WriteAsync(JsonObject message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writing.WaitAsync();
        try
        {
            if (_broken) return false;
            await output.WriteAsync(header);
            await output.WriteAsync(body);
            await output.FlushAsync();
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            _broken = true;
            return false;
        }
        finally
        {
            _writing.Release();
        }
    }

    public bool IsBroken => _broken;
}
