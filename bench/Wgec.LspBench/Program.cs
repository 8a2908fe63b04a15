using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

// The editor's view of 'wgec lsp', timed as a drafter would feel it (a benchmark, not a test):
//  1. first diagnostics for a 20-proposal draft, measured from the server process's start (new process each run);
//  2. typing in one proposal of the whole compilation: each keystroke is one incremental didChange, and the time
//     is from sending it to the publishDiagnostics of that version; resident memory is read along the way.
// Usage: Wgec.LspBench <repository root> <server program> [server args...]   e.g. ... . ./pub/Wgec.Cli lsp
var root = args[0];
var server = args[1];
var serverArgs = args.Skip(2).ToArray();
var draft = Path.GetFullPath(Path.Combine(root, "bench", "Wgec.LspBench", "draft-20.md"));
var compilation = Path.GetFullPath(Path.Combine(root, "fixtures", "wgec-compilation-2017.txt"));

var firsts = new List<double>();
for (var run = 0; run < 5; run++)
{
    await using var s = Server.Start(server, serverArgs);
    await s.Initialize();
    await s.Open(draft, File.ReadAllText(draft), "markdown");
    await s.WaitPublished(draft, 1);
    firsts.Add(s.SinceStart.TotalMilliseconds);
}
Console.WriteLine(Invariant($"first diagnostics, 20-proposal draft, from process start: median {Median(firsts):0} ms (runs: {string.Join(", ", firsts.Select(f => f.ToString("0", CultureInfo.InvariantCulture)))} ms)"));

await using (var s = Server.Start(server, serverArgs))
{
    await s.Initialize();
    var text = File.ReadAllText(compilation);
    await s.Open(compilation, text, "plaintext");
    await s.WaitPublished(compilation, 1);
    Console.WriteLine(Invariant($"compilation open: first diagnostics after {s.SinceStart.TotalMilliseconds:0} ms"));
    // Type into the middle of one recommendation's text: a phrase, one character per change, then delete it again.
    var at = text.IndexOf("Recommendation 40.", StringComparison.Ordinal);
    at = text.IndexOf('\n', text.IndexOf('\n', at) + 1) + 1;
    var (line, column) = LineColumn(text, at);
    const string phrase = " and all stakeholders should review progress every two years";
    var typed = 0;
    var latencies = new List<double>();
    var memory = new List<(int Edit, long Kib)>();
    var version = 1;
    for (var edit = 1; edit <= 1000; edit++)
    {
        JsonObject change;
        if (typed < phrase.Length)
        {
            change = Change(line, column + typed, line, column + typed, phrase[typed].ToString());
            typed++;
        }
        else
        {
            change = Change(line, column, line, column + typed, "");
            typed = 0;
        }
        var watch = Stopwatch.StartNew();
        await s.Change(compilation, ++version, change);
        await s.WaitPublished(compilation, version);
        if (edit > 50) latencies.Add(watch.Elapsed.TotalMilliseconds);
        if (edit is 100 or 250 or 500 or 1000) memory.Add((edit, s.ResidentKib()));
    }
    latencies.Sort();
    double P(double q) => latencies[(int)Math.Min(latencies.Count - 1, Math.Ceiling(q * latencies.Count) - 1)];
    Console.WriteLine(Invariant($"typing in one proposal of the compilation ({latencies.Count} changes after 50 of warm-up): p50 {P(0.5):0.0} ms, p95 {P(0.95):0.0} ms, max {latencies[^1]:0.0} ms"));
    Console.WriteLine("server resident memory: " + string.Join(", ", memory.Select(m => Invariant($"after {m.Edit} changes {m.Kib / 1024.0:0} MiB"))));
}

static JsonObject Change(int l1, int c1, int l2, int c2, string text) => new()
{
    ["range"] = new JsonObject
    {
        ["start"] = new JsonObject { ["line"] = l1, ["character"] = c1 }, ["end"] = new JsonObject { ["line"] = l2, ["character"] = c2 },
    },
    ["text"] = text,
};

static (int, int) LineColumn(string text, int offset)
{
    var line = 0;
    var start = 0;
    for (var i = 0; i < offset; i++) if (text[i] == '\n') { line++; start = i + 1; }
    return (line, offset - start);
}

static double Median(List<double> xs) { var s = xs.OrderBy(x => x).ToList(); return s[s.Count / 2]; }
static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

/// <summary>A server process and the messages it sends (framing written here, independent of the server's).</summary>
sealed class Server : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly Dictionary<(string, int), TaskCompletionSource> _published = [];
    private readonly Dictionary<int, TaskCompletionSource<JsonObject>> _replies = [];
    private int _id;

    private Server(Process process, Stopwatch clock)
    {
        _process = process;
        _clock = clock;
        _ = Task.Run(Read);
        _ = Task.Run(async () => { while (await process.StandardError.ReadLineAsync() is { } l) { } });
    }

    public TimeSpan SinceStart => _clock.Elapsed;

    public static Server Start(string program, string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        return new Server(Process.Start(psi)!, clock);
    }

    public async Task Initialize()
    {
        await Request("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        await Notify("initialized", new JsonObject());
    }

    public Task Open(string path, string text, string language) => Notify("textDocument/didOpen", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri, ["languageId"] = language, ["version"] = 1, ["text"] = text },
    });

    public Task Change(string path, int version, JsonObject change) => Notify("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = new Uri(path).AbsoluteUri, ["version"] = version }, ["contentChanges"] = new JsonArray(change),
    });

    public Task WaitPublished(string path, int version) => Waiter(new Uri(path).AbsoluteUri, version).Task.WaitAsync(TimeSpan.FromMinutes(2));

    public long ResidentKib()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return -1;
    }

    private TaskCompletionSource Waiter(string uri, int version)
    {
        lock (_published)
        {
            if (!_published.TryGetValue((uri, version), out var t)) _published[(uri, version)] = t = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return t;
        }
    }

    private async Task<JsonObject> Request(string method, JsonNode parameters)
    {
        var id = ++_id;
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_replies) _replies[id] = reply;
        await Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return await reply.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }

    private Task Notify(string method, JsonNode parameters) => Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    private async Task Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var stream = _process.StandardInput.BaseStream;
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private async Task Read()
    {
        var input = new BufferedStream(_process.StandardOutput.BaseStream);
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
            var length = int.Parse(header.ToString().Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.Ordinal))[15..].Trim(), CultureInfo.InvariantCulture);
            var body = new byte[length];
            await input.ReadExactlyAsync(body);
            var message = (JsonObject)JsonNode.Parse(body)!;
            if (message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && message["params"]!["version"] is JsonValue v)
                Waiter(message["params"]!["uri"]!.GetValue<string>(), v.GetValue<int>()).TrySetResult();
            else if (message["id"] is JsonValue id && id.TryGetValue<int>(out var n))
                lock (_replies) if (_replies.Remove(n, out var r)) r.TrySetResult(message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Request("shutdown", new JsonObject());
            await Notify("exit", new JsonObject());
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception) { _process.Kill(entireProcessTree: true); }
        _process.Dispose();
    }
}
