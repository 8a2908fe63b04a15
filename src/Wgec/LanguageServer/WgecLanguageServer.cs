using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Wgec.Analysis;
using Wgec.Model;

namespace Wgec.LanguageServer;

/// <summary>
/// 'wgec lsp': judges each proposal of the drafts an editor has open, as they are written. One loop reads
/// messages in order (so document changes apply in order); requests are answered concurrently; each draft is
/// checked in the background, one check at a time, newest text first. Nothing a client sends ends the server
/// but 'exit' or the end of its input: a bad message gets an LSP error and the server reads on.
/// </summary>
public sealed class WgecLanguageServer
{
    private readonly JsonRpcChannel _channel;
    private readonly TextWriter _log;
    private readonly DraftChecker _checker;
    private readonly ConcurrentDictionary<string, OpenDraft> _drafts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _requests = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private enum State { Starting, Running, ShuttingDown }
    private State _state = State.Starting;
    private int _nextRequestId;

    public WgecLanguageServer(Stream input, Stream output, TextWriter log, string builtInRules)
    {
        _channel = new JsonRpcChannel(input, output);
        _log = TextWriter.Synchronized(log);
        _checker = new DraftChecker(builtInRules);
    }

    /// <summary>Serves until 'exit' (0 after 'shutdown', else 1, as LSP asks) or the end of input (1 without 'shutdown').</summary>
    public async Task<int> RunAsync()
    {
        _ = EntityRecognizer.WarmUpAsync();
        while (true)
        {
            var incoming = await _channel.ReadAsync();
            switch (incoming)
            {
                case JsonRpcChannel.Ended:
                    await Stop();
                    return _state == State.ShuttingDown ? 0 : 1;
                case JsonRpcChannel.Unreadable bad:
                    Log($"unreadable message: {bad.Reason}");
                    await Send(Lsp.Error(null, bad.Code, bad.Reason));
                    break;
                case JsonRpcChannel.Received { Message: var message }:
                    if (message["method"] is JsonValue m && m.TryGetValue<string>(out var method))
                    {
                        if (method == "exit")
                        {
                            await Stop();
                            return _state == State.ShuttingDown ? 0 : 1;
                        }
                        if (message.ContainsKey("id")) Request(message["id"], method, message["params"]);
                        else Notification(method, message["params"]);
                    }
                    else if (!message.ContainsKey("id"))
                        await Send(Lsp.Error(null, ErrorCodes.InvalidRequest, "message has neither 'method' nor 'id'"));
                    // else: a response to one of our requests (registrations); nothing waits for it.
                    break;
            }
            if (_channel.IsBroken)
            {
                Log("the client has gone; stopping");
                await Stop();
                return 1;
            }
        }
    }

    /// <summary>Stops checking and cancels what waits; answers already being written still go out before the process ends.</summary>
    private async Task Stop()
    {
        _stopping.Cancel();
        foreach (var draft in _drafts.Values) lock (draft.Checking.Gate) draft.Checking.Close("the server is stopping");
        Task[] pending;
        lock (_sending) pending = _sending.ToArray();
        await Task.WhenAny(Task.WhenAll(pending), Task.Delay(TimeSpan.FromSeconds(5)));
    }

    private readonly HashSet<Task> _sending = [];

    private void Request(JsonNode? id, string method, JsonNode? parameters)
    {
        if (id is not JsonValue idValue || (idValue.GetValueKind() is not (System.Text.Json.JsonValueKind.String or System.Text.Json.JsonValueKind.Number)))
        {
            _ = Send(Lsp.Error(null, ErrorCodes.InvalidRequest, "a request id must be a string or a number"));
            return;
        }
        if (_state == State.Starting && method != "initialize")
        {
            _ = Send(Lsp.Error(id, ErrorCodes.ServerNotInitialized, $"'{method}' before 'initialize'"));
            return;
        }
        if (_state == State.ShuttingDown)
        {
            _ = Send(Lsp.Error(id, ErrorCodes.InvalidRequest, $"'{method}' after 'shutdown'"));
            return;
        }
        // Lifecycle requests are answered in order, before the next message is read.
        if (method is "initialize" or "shutdown")
        {
            var result = method == "initialize" ? Initialize(parameters) : null;
            if (method == "shutdown") _state = State.ShuttingDown;
            _ = Send(Lsp.Result(id, result));
            return;
        }
        var key = idValue.ToJsonString();
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        _requests[key] = cancel;
        _ = Task.Run(async () =>
        {
            JsonObject reply;
            try
            {
                reply = Lsp.Result(id, await Answer(method, parameters, cancel.Token));
            }
            catch (ProtocolException e)
            {
                reply = Lsp.Error(id, e.Code, e.Message);
            }
            catch (OperationCanceledException)
            {
                reply = Lsp.Error(id, ErrorCodes.RequestCancelled, "cancelled");
            }
            catch (Exception e)
            {
                Log($"internal error answering {method}: {e}");
                reply = Lsp.Error(id, ErrorCodes.InternalError, $"internal error: {e.Message}");
            }
            finally
            {
                _requests.TryRemove(key, out _);
                cancel.Dispose();
            }
            await Send(reply);
        });
    }

    private async Task<JsonNode?> Answer(string method, JsonNode? p, CancellationToken cancel)
    {
        switch (method)
        {
            case "textDocument/diagnostic":
            {
                var check = await CurrentCheck(Lsp.Uri(p), cancel);
                var previous = p?["previousResultId"] is JsonValue v && v.TryGetValue<string>(out var r) ? r : null;
                if (previous == check.ResultId) return new JsonObject { ["kind"] = "unchanged", ["resultId"] = check.ResultId };
                return new JsonObject { ["kind"] = "full", ["resultId"] = check.ResultId, ["items"] = Items(check) };
            }
            case "textDocument/hover":
            {
                var check = await CurrentCheck(Lsp.Uri(p), cancel);
                return LspFeatures.Hover(check, OpenDraft.OffsetOf(check.Source, Lsp.Need(p, "position")));
            }
            case "textDocument/codeAction":
            {
                var check = await CurrentCheck(Lsp.Uri(p), cancel);
                var range = Lsp.Need(p, "range");
                var only = p?["context"]?["only"] is JsonArray kinds && kinds.Count > 0 && kinds[0] is JsonValue k && k.TryGetValue<string>(out var kind) ? kind : null;
                return LspFeatures.CodeActions(check, Lsp.Uri(p), OpenDraft.OffsetOf(check.Source, range["start"]), OpenDraft.OffsetOf(check.Source, range["end"]), only);
            }
            case "wgec/lastCheck":
            {
                // Observability for tests and the benchmark: how much of the last check was reused.
                var check = await CurrentCheck(Lsp.Uri(p), cancel);
                var (reused, fired) = check.Firings?.LastCheck ?? (0, 0);
                return new JsonObject
                {
                    ["version"] = check.Version, ["proposals"] = check.Result?.Proposals.Count ?? 0, ["reused"] = reused, ["fired"] = fired,
                    ["diagnostics"] = check.Diagnostics.Count,
                };
            }
            case "textDocument/codeLens":
                return LspFeatures.CodeLenses(await CurrentCheck(Lsp.Uri(p), cancel), Lsp.Uri(p));
            case "workspace/executeCommand":
            {
                var command = Lsp.String(p, "command");
                if (command != LspFeatures.ExplainCommand) throw new ProtocolException(ErrorCodes.InvalidParams, $"unknown command '{command}'");
                if (p?["arguments"] is not JsonArray { Count: 2 } args || args[0] is not JsonValue u || !u.TryGetValue<string>(out var uri)
                    || args[1] is not JsonValue i || !i.TryGetValue<string>(out var proposal))
                    throw new ProtocolException(ErrorCodes.InvalidParams, $"{LspFeatures.ExplainCommand} takes [uri, proposal id]");
                var check = await CurrentCheck(uri, cancel);
                return LspFeatures.Explain(check, proposal) ?? throw new ProtocolException(ErrorCodes.InvalidParams, $"no proposal '{proposal}' in {uri}");
            }
            default:
                throw new ProtocolException(ErrorCodes.MethodNotFound, $"method '{method}' is not supported by wgec");
        }
    }

    private JsonObject Initialize(JsonNode? parameters)
    {
        var problems = new List<string>();
        _checker.Settings = _checker.Settings.With(parameters?["initializationOptions"], problems);
        foreach (var problem in problems) ShowMessage(problem);
        _state = State.Running;
        // The built-in rules are compiled now, not at the first keystroke.
        _ = Task.Run(() =>
        {
            try { _checker.WarmUp(); }
            catch (WgecException e) { Log(e.Describe()); }
        });
        var watching = parameters?["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"];
        _watchConfig = Lsp.Bool(watching, false);
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["positionEncoding"] = "utf-16",
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2, ["save"] = new JsonObject { ["includeText"] = false } },
                ["hoverProvider"] = true,
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix", "refactor.rewrite", "source.fixAll.wgec", "source.explain.wgec") },
                ["codeLensProvider"] = new JsonObject { ["resolveProvider"] = false },
                ["executeCommandProvider"] = new JsonObject { ["commands"] = new JsonArray(LspFeatures.ExplainCommand) },
                ["diagnosticProvider"] = new JsonObject { ["identifier"] = "wgec", ["interFileDependencies"] = false, ["workspaceDiagnostics"] = false },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "wgec", ["version"] = Reporting.JsonReporter.Version },
        };
    }

    private bool _watchConfig;

    private void Notification(string method, JsonNode? p)
    {
        if (_state == State.Starting) return; // before initialize, notifications are dropped (LSP)
        try
        {
            switch (method)
            {
                case "initialized":
                    if (_watchConfig)
                        _ = Send(new JsonObject
                        {
                            ["jsonrpc"] = "2.0", ["id"] = $"wgec-{Interlocked.Increment(ref _nextRequestId)}", ["method"] = "client/registerCapability",
                            ["params"] = new JsonObject { ["registrations"] = new JsonArray(new JsonObject
                            {
                                ["id"] = "wgec-config", ["method"] = "workspace/didChangeWatchedFiles",
                                ["registerOptions"] = new JsonObject { ["watchers"] = new JsonArray(new JsonObject { ["globPattern"] = "**/wgec.yaml" }) },
                            }) },
                        });
                    break;
                case "textDocument/didOpen":
                {
                    var doc = Lsp.Need(p, "textDocument");
                    var draft = new OpenDraft(Lsp.String(doc, "uri"), doc["languageId"]?.GetValue<string>() ?? "", Lsp.Int(doc, "version"), Lsp.String(doc, "text"));
                    if (_drafts.TryGetValue(draft.Uri, out var old)) lock (old.Checking.Gate) old.Checking.Close($"the draft {old.Uri} was opened again");
                    _drafts[draft.Uri] = draft;
                    Schedule(draft);
                    break;
                }
                case "textDocument/didChange":
                {
                    var doc = Lsp.Need(p, "textDocument");
                    if (!_drafts.TryGetValue(Lsp.String(doc, "uri"), out var draft)) { Log($"didChange for a draft that is not open: {Lsp.String(doc, "uri")}"); break; }
                    if (Lsp.Need(p, "contentChanges") is not JsonArray changes) throw new ProtocolException(ErrorCodes.InvalidParams, "'contentChanges' must be an array");
                    lock (draft.Checking.Gate) draft.Apply(Lsp.Int(doc, "version"), changes);
                    Schedule(draft);
                    break;
                }
                case "textDocument/didClose":
                {
                    if (_drafts.TryRemove(Lsp.Uri(p), out var draft))
                    {
                        lock (draft.Checking.Gate) draft.Checking.Close($"the draft {draft.Uri} was closed");
                        _ = Send(Lsp.Notification("textDocument/publishDiagnostics", new JsonObject { ["uri"] = draft.Uri, ["diagnostics"] = new JsonArray() }));
                    }
                    break;
                }
                case "textDocument/didSave":
                case "workspace/didChangeWatchedFiles":
                    // wgec.yaml is read again when it changed on disk; every open draft is checked against it.
                    foreach (var draft in _drafts.Values) Schedule(draft);
                    break;
                case "workspace/didChangeConfiguration":
                {
                    var problems = new List<string>();
                    _checker.Settings = _checker.Settings.With(p?["settings"], problems);
                    foreach (var problem in problems) ShowMessage(problem);
                    foreach (var draft in _drafts.Values) Schedule(draft);
                    break;
                }
                case "$/cancelRequest":
                    if (p?["id"] is JsonValue id && _requests.TryGetValue(id.ToJsonString(), out var cancel)) cancel.Cancel();
                    break;
                default:
                    if (!method.StartsWith("$/", StringComparison.Ordinal)) Log($"ignored notification '{method}'");
                    break;
            }
        }
        catch (ProtocolException e)
        {
            // A notification cannot be answered: the problem goes to the log and the user.
            Log($"{method}: {e.Message}");
            ShowMessage($"wgec: {method}: {e.Message}");
        }
    }

    /// <summary>Checks the draft in the background: at most one check per draft runs; a change during it is checked next.</summary>
    private void Schedule(OpenDraft draft)
    {
        var state = draft.Checking;
        lock (state.Gate)
        {
            if (state.Running || state.Closed) return;
            state.Running = true;
        }
        _ = Task.Run(async () =>
        {
            var delay = _checker.Settings.DebounceMs;
            if (delay > 0) await Task.Delay(delay);
            while (true)
            {
                string text;
                int version, revision;
                lock (state.Gate)
                {
                    if (state.Closed) { state.Running = false; return; }
                    (text, version, revision) = (draft.Text, draft.Version, draft.Revision);
                }
                DraftCheck check;
                try
                {
                    check = _checker.Check(draft, text, version, state) with { Revision = revision };
                }
                catch (OperationCanceledException)
                {
                    lock (state.Gate) state.Running = false; // closed meanwhile: nobody wants this check
                    return;
                }
                catch (Exception e)
                {
                    Log($"internal error checking {draft.Uri}: {e}");
                    var source = new SourceText(draft.Path, text);
                    check = new DraftCheck
                    {
                        Version = version, Revision = revision, Source = source, ResultId = $"{version}.error",
                        Diagnostics = [LspDiagnostics.Problem(source, new WgecException(draft.Path, null, $"internal error in wgec: {e.Message}"))],
                    };
                }
                TaskCompletionSource<DraftCheck>? done = null;
                lock (state.Gate)
                {
                    state.Last = check;
                    if (state.Closed) { state.Running = false; return; }
                    if (draft.Revision == revision)
                    {
                        done = state.Current;
                        state.Current = DraftChecking.NewWaiter();
                        state.Running = false;
                    }
                }
                if (done is null) continue; // the text changed while checking: check the newest text, publish that
                await Send(Lsp.Notification("textDocument/publishDiagnostics", new JsonObject
                {
                    ["uri"] = draft.Uri, ["version"] = version, ["diagnostics"] = Items(check, publishing: true),
                }));
                done.TrySetResult(check);
                return;
            }
        });
    }

    /// <summary>The check of the draft's current text: at once if it is done, else when it is.</summary>
    private async Task<DraftCheck> CurrentCheck(string uri, CancellationToken cancel)
    {
        if (!_drafts.TryGetValue(uri, out var draft)) throw new ProtocolException(ErrorCodes.InvalidParams, $"the draft {uri} is not open");
        Task<DraftCheck> waiting;
        lock (draft.Checking.Gate)
        {
            if (draft.Checking.Last is { } last && last.Revision == draft.Revision) return last;
            waiting = draft.Checking.Current.Task;
        }
        return await waiting.WaitAsync(cancel);
    }

    /// <summary>The diagnostics as a JSON array. A node has one parent, so only the one publication of a check
    /// takes them as they are; every other answer gets copies.</summary>
    private static JsonArray Items(DraftCheck check, bool publishing = false) =>
        new(check.Diagnostics.Select(s => publishing && s.Lsp.Parent is null ? s.Lsp : s.Lsp.DeepClone()).ToArray());

    private void ShowMessage(string text) =>
        _ = Send(Lsp.Notification("window/showMessage", new JsonObject { ["type"] = 2, ["message"] = text }));

    private void Log(string text) => _log.WriteLine($"wgec lsp: {text}");

    private Task Send(JsonObject message)
    {
        var task = Write(message);
        lock (_sending) _sending.Add(task);
        _ = task.ContinueWith(t => { lock (_sending) _sending.Remove(t); }, TaskScheduler.Default);
        return task;
    }

    private async Task Write(JsonObject message)
    {
        if (!await _channel.WriteAsync(message)) _stopping.Cancel();
    }
}
