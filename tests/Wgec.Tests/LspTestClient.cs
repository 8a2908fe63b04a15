using System.IO.Pipes;
using System.Text;
using System.Text.Json.Nodes;
using Wgec.LanguageServer;

namespace Wgec.Tests;

/// <summary>
/// A JSON-RPC client for the language server, with its own framing code (not the server's), talking to a
/// server in this process over anonymous pipes. Every message the server sends is kept, in order.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
    private readonly AnonymousPipeServerStream _fromServer = new(PipeDirection.In);
    private readonly List<JsonObject> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _reading;
    private int _nextId;

    public Task<int> Server { get; }
    public StringWriter Log { get; } = new();
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public LspTestClient(string? rules = null)
    {
        var serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
        var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
        var server = new WgecLanguageServer(serverIn, serverOut, Log, rules ?? TestPaths.Rules);
        Server = Task.Run(async () =>
        {
            try { return await server.RunAsync(); }
            finally { serverOut.Dispose(); serverIn.Dispose(); }
        });
        _reading = Task.Run(ReadAll);
    }

    public IReadOnlyList<JsonObject> Received { get { lock (_received) return _received.ToList(); } }

    public async Task<JsonObject> Initialize(JsonNode? options = null)
    {
        var reply = await Request("initialize", new JsonObject
        {
            ["processId"] = null, ["rootUri"] = null, ["capabilities"] = new JsonObject(), ["initializationOptions"] = options,
        });
        await Notify("initialized", new JsonObject());
        return reply;
    }

    public async Task<JsonObject> Request(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendRaw(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await WaitFor(m => m["id"] is JsonValue v && v.TryGetValue<int>(out var n) && n == id && !m.ContainsKey("method"));
    }

    public Task Notify(string method, JsonNode? parameters) =>
        SendRaw(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public Task SendRaw(JsonObject message) => SendBytes(Encoding.UTF8.GetBytes(message.ToJsonString()));

    public async Task SendBytes(byte[] body, string? header = null)
    {
        var head = Encoding.ASCII.GetBytes(header ?? $"Content-Length: {body.Length}\r\n\r\n");
        await _toServer.WriteAsync(head);
        await _toServer.WriteAsync(body);
        await _toServer.FlushAsync();
    }

    public async Task Open(string uri, string text, int version = 1, string language = "markdown") =>
        await Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = language, ["version"] = version, ["text"] = text },
        });

    /// <summary>The diagnostics published for a version of a draft (the first such message).</summary>
    public async Task<JsonArray> Published(string uri, int version) =>
        (JsonArray)(await WaitFor(m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
            && m["params"]!["uri"]!.GetValue<string>() == uri && m["params"]!["version"]?.GetValue<int>() == version))["params"]!["diagnostics"]!;

    public async Task<JsonObject> WaitFor(Func<JsonObject, bool> match)
    {
        var deadline = DateTime.UtcNow + Patience;
        var seen = 0;
        while (true)
        {
            lock (_received)
            {
                for (; seen < _received.Count; seen++) if (match(_received[seen])) return _received[seen];
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _reading.IsCompleted && !await _arrived.WaitAsync(0))
                throw new TimeoutException($"no matching message from the server; received: {string.Join("\n", Received.Select(r => r.ToJsonString()))}\nlog: {Log}");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    public void CloseInput() => _toServer.Dispose();

    private async Task ReadAll()
    {
        var input = new BufferedStream(_fromServer);
        while (true)
        {
            var header = new StringBuilder();
            int b;
            while ((b = input.ReadByte()) >= 0)
            {
                header.Append((char)b);
                if (header.Length >= 4 && header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal)) break;
            }
            if (b < 0) return;
            var length = int.Parse(header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.Ordinal))["Content-Length:".Length..].Trim());
            var body = new byte[length];
            await input.ReadExactlyAsync(body);
            lock (_received) _received.Add((JsonObject)JsonNode.Parse(body)!);
            _arrived.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { _toServer.Dispose(); } catch (IOException) { }
        await Task.WhenAny(Server, Task.Delay(Patience));
        _fromServer.Dispose();
    }
}
