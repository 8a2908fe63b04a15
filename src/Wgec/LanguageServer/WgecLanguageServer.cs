using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wgec.Analysis;
using Wgec.Model;

namespace Wgec.LanguageServer;

/// <summary>
/// 'wgec lsp': judges each proposal of the drafts an editor has open, as they are written. One loop reads
/// messages in order (so document changes apply in order, and a request is tied to the text it was sent
/// against); requests are answered concurrently; each draft is checked in the background, one check at a
/// time, newest text first, and its diagnostics published in order. Nothing a client sends ends the server
/// but 'exit' or the end of its input: a bad message gets an LSP error (or, for a notification, a log line and
/// a message) and the server reads on.
/// </summary>
public sealed class WgecLanguageServer
{
    private readonly JsonRpcChannel _channel;
    private readonly TextWriter _log;
    private readonly DraftChecker _checker;
    private readonly ConcurrentDictionary<string, OpenDraft> _drafts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _requests = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _sending = [];
    private enum State { Starting, Running, ShuttingDown }
    private State _state = State.Starting;
    private int _nextRequestId;
    private ClientCapabilities _client = new();

    /// <summary>What the client said it can do, as far as the server's behaviour depends on it.</summary>
    private sealed record ClientCapabilities
    {
        /// <summary>The client pulls diagnostics (textDocument/diagnostic): they are then not also pushed, or it would show them twice.</summary>
        public bool Pulls { get; init; }
        public bool Refreshes { get; init; }
        public bool WatchesFiles { get; init; }
        /// <summary>Edits can name the document version they were made for (documentChanges).</summary>
        public bool VersionedEdits { get; init; }
    }

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
            if (incoming is JsonRpcChannel.Ended) break;
            try
            {
                if (incoming is JsonRpcChannel.Unreadable bad)
                {
                    Log($"unreadable message: {bad.Reason}");
                    _ = Send(Lsp.Error(null, bad.Code, bad.Reason));
                }
                else if (incoming is JsonRpcChannel.Received { Message: var message } && Dispatch(message) is { } exit)
                {
                    await Stop();
                    return exit;
                }
            }
            catch (Exception e)
            {
                // The last line of defence: whatever a message does, the server goes on.
                Log($"internal error handling a message: {e}");
            }
            if (_channel.IsBroken)
            {
                Log("the client has gone; stopping");
                break;
            }
        }
        await Stop();
        return _state == State.ShuttingDown ? 0 : 1;
    }

    /// <summary>Handles one message; returns the exit code when it was 'exit'.</summary>
    private int? Dispatch(JsonObject message)
    {
        var hasId = message.TryGetPropertyValue("id", out var id);
        if (message["method"] is JsonValue m && m.TryGetValue<string>(out var method))
        {
            if (method == "exit") return _state == State.ShuttingDown ? 0 : 1;
            if (hasId) Request(id, method, message["params"]);
            else Notification(method, message["params"]);
        }
        else if (!hasId || message.ContainsKey("method"))
            _ = Send(Lsp.Error(hasId ? id : null, ErrorCodes.InvalidRequest, "a request or notification needs a string 'method'"));
        // else: a response to one of the server's own requests (registration, refresh); nothing waits for it.
        return null;
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

    private void Request(JsonNode? id, string method, JsonNode? parameters)
    {
        if (id is not JsonValue idValue || idValue.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
        {
            _ = Send(Lsp.Error(null, ErrorCodes.InvalidRequest, "a request id must be a string or a number"));
            return;
        }
        if (_state == State.Starting && method != "initialize")
        {
            _ = Send(Lsp.Error(id, ErrorCodes.ServerNotInitialized, $"'{method}' before 'initialize'"));
            return;
        }
        if (_state == State.ShuttingDown || method == "initialize" && _state != State.Starting)
        {
            _ = Send(Lsp.Error(id, ErrorCodes.InvalidRequest, _state == State.ShuttingDown ? $"'{method}' after 'shutdown'" : "'initialize' was already received"));
            return;
        }
        // Lifecycle requests are answered in order, before the next message is read.
        if (method is "initialize" or "shutdown")
        {
            JsonObject reply;
            try
            {
                reply = Lsp.Result(id, method == "initialize" ? Initialize(parameters) : null);
                if (method == "shutdown") _state = State.ShuttingDown;
            }
            catch (Exception e)
            {
                Log($"internal error answering {method}: {e}");
                reply = Lsp.Error(id, ErrorCodes.InternalError, $"internal error: {e.Message}");
            }
            _ = Send(reply);
            return;
        }
        var key = idValue.ToJsonString();
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        if (!_requests.TryAdd(key, cancel))
        {
            _ = Send(Lsp.Error(id, ErrorCodes.InvalidRequest, $"request id {key} is already in use by a request being answered"));
            return;
        }
        // The text a request's positions refer to is the draft's text now, when it is read, not when it is answered.
        var pinned = PinnedRevision(parameters);
        _ = Task.Run(async () =>
        {
            JsonObject reply;
            try
            {
                reply = Lsp.Result(id, await Answer(method, parameters, pinned, cancel.Token));
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
                // Not disposed: a $/cancelRequest may still hold it; cancelling a finished request is harmless.
                _requests.TryRemove(key, out _);
            }
            await Send(reply);
        });
    }

    private int? PinnedRevision(JsonNode? parameters)
    {
        var uri = Lsp.OptionalString((parameters as JsonObject)?["textDocument"], "uri");
        return uri is not null && _drafts.TryGetValue(uri, out var draft) ? draft.Revision : null;
    }

    private async Task<JsonNode?> Answer(string method, JsonNode? p, int? pinned, CancellationToken cancel)
    {
        switch (method)
        {
            case "textDocument/diagnostic":
            {
                var check = await CurrentCheck(Lsp.Uri(p), pinned, cancel);
                var previous = Lsp.OptionalString(p, "previousResultId");
                if (previous == check.ResultId) return new JsonObject { ["kind"] = "unchanged", ["resultId"] = check.ResultId };
                return new JsonObject { ["kind"] = "full", ["resultId"] = check.ResultId, ["items"] = Items(check) };
            }
            case "textDocument/hover":
            {
                var check = await CurrentCheck(Lsp.Uri(p), pinned, cancel);
                return LspFeatures.Hover(check, OpenDraft.OffsetOf(check.Source, Lsp.Need(p, "position")));
            }
            case "textDocument/codeAction":
            {
                var uri = Lsp.Uri(p);
                var check = await CurrentCheck(uri, pinned, cancel);
                var range = Lsp.Need(p, "range");
                var only = (p as JsonObject)?["context"] is JsonObject context && context["only"] is JsonArray kinds
                    ? kinds.Select(k => k is JsonValue v && v.TryGetValue<string>(out var kind) ? kind : null).OfType<string>().ToList()
                    : null;
                var target = new LspFeatures.EditTarget(uri, _client.VersionedEdits ? check.Version : null);
                return LspFeatures.CodeActions(check, target, OpenDraft.OffsetOf(check.Source, Lsp.Need(range, "start")), OpenDraft.OffsetOf(check.Source, Lsp.Need(range, "end")), only);
            }
            case "textDocument/codeLens":
                return LspFeatures.CodeLenses(await CurrentCheck(Lsp.Uri(p), pinned, cancel), Lsp.Uri(p));
            case "workspace/executeCommand":
            {
                var command = Lsp.String(p, "command");
                if (command != LspFeatures.ExplainCommand) throw new ProtocolException(ErrorCodes.InvalidParams, $"unknown command '{command}'");
                if ((p as JsonObject)?["arguments"] is not JsonArray { Count: 2 } args || args[0] is not JsonValue u || !u.TryGetValue<string>(out var uri)
                    || args[1] is not JsonValue i || !i.TryGetValue<string>(out var proposal))
                    throw new ProtocolException(ErrorCodes.InvalidParams, $"{LspFeatures.ExplainCommand} takes [uri, proposal id]");
                var check = await CurrentCheck(uri, null, cancel);
                return LspFeatures.Explain(check, proposal) ?? throw new ProtocolException(ErrorCodes.InvalidParams, $"no proposal '{proposal}' in {uri}");
            }
            case "wgec/lastCheck":
            {
                // Observability for tests and the benchmark: how much of the last check was reused.
                var check = await CurrentCheck(Lsp.Uri(p), pinned, cancel);
                return new JsonObject
                {
                    ["version"] = check.Version, ["proposals"] = check.Result?.Proposals.Count ?? 0,
                    ["reused"] = check.Record?.Reused ?? 0, ["fired"] = check.Record?.Fired ?? 0, ["diagnostics"] = check.Diagnostics.Count,
                };
            }
            default:
                throw new ProtocolException(ErrorCodes.MethodNotFound, $"method '{method}' is not supported by wgec");
        }
    }

    private JsonObject Initialize(JsonNode? parameters)
    {
        var problems = new List<string>();
        _checker.Settings = _checker.Settings.With((parameters as JsonObject)?["initializationOptions"], problems);
        foreach (var problem in problems) ShowMessage(problem);
        var capabilities = (parameters as JsonObject)?["capabilities"] as JsonObject;
        bool Flag(params string[] path)
        {
            JsonNode? node = capabilities;
            foreach (var name in path) node = (node as JsonObject)?[name];
            return Lsp.Bool(node, false);
        }
        _client = new ClientCapabilities
        {
            Pulls = (capabilities?["textDocument"] as JsonObject)?["diagnostic"] is JsonObject,
            Refreshes = Flag("workspace", "diagnostics", "refreshSupport"),
            WatchesFiles = Flag("workspace", "didChangeWatchedFiles", "dynamicRegistration"),
            VersionedEdits = Flag("workspace", "workspaceEdit", "documentChanges"),
        };
        _state = State.Running;
        // The built-in rules are compiled now, not at the first keystroke.
        _ = Task.Run(() =>
        {
            try { _checker.WarmUp(); }
            catch (WgecException e) { Log(e.Describe()); }
        });
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

    private void Notification(string method, JsonNode? p)
    {
        if (_state == State.Starting) return; // before initialize, notifications are dropped (LSP)
        try
        {
            switch (method)
            {
                case "initialized":
                    if (_client.WatchesFiles)
                        _ = SendRequest("client/registerCapability", new JsonObject
                        {
                            ["registrations"] = new JsonArray(new JsonObject
                            {
                                ["id"] = "wgec-config", ["method"] = "workspace/didChangeWatchedFiles",
                                ["registerOptions"] = new JsonObject { ["watchers"] = new JsonArray(new JsonObject { ["globPattern"] = "**/wgec.yaml" }) },
                            }),
                        });
                    break;
                case "textDocument/didOpen":
                {
                    var doc = Lsp.Need(p, "textDocument");
                    var draft = new OpenDraft(Lsp.String(doc, "uri"), Lsp.OptionalString(doc, "languageId") ?? "", Lsp.Int(doc, "version"), Lsp.String(doc, "text"));
                    if (_drafts.TryGetValue(draft.Uri, out var old)) lock (old.Checking.Gate) old.Checking.Close($"the draft {old.Uri} was opened again");
                    _drafts[draft.Uri] = draft;
                    Schedule(draft);
                    break;
                }
                case "textDocument/didChange":
                {
                    var doc = Lsp.Need(p, "textDocument");
                    var uri = Lsp.String(doc, "uri");
                    if (!_drafts.TryGetValue(uri, out var draft)) throw new ProtocolException(ErrorCodes.InvalidParams, $"didChange for {uri}, which is not open");
                    if (Lsp.Need(p, "contentChanges") is not JsonArray changes) throw new ProtocolException(ErrorCodes.InvalidParams, "'contentChanges' must be an array");
                    var version = Lsp.Int(doc, "version");
                    lock (draft.Checking.Gate) draft.Apply(version, changes);
                    Schedule(draft);
                    break;
                }
                case "textDocument/didClose":
                {
                    if (_drafts.TryRemove(Lsp.Uri(p), out var draft))
                    {
                        lock (draft.Checking.Gate) draft.Checking.Close($"the draft {draft.Uri} was closed");
                        if (!_client.Pulls) _ = Publish(draft, new JsonArray(), version: null);
                    }
                    break;
                }
                case "textDocument/didSave":
                case "workspace/didChangeWatchedFiles":
                    // wgec.yaml may have changed: read again, and every open draft checked against it.
                    _checker.ForgetConfigurations();
                    RecheckAll();
                    break;
                case "workspace/didChangeConfiguration":
                {
                    var problems = new List<string>();
                    _checker.Settings = _checker.Settings.With((p as JsonObject)?["settings"], problems);
                    foreach (var problem in problems) ShowMessage(problem);
                    RecheckAll();
                    break;
                }
                case "$/cancelRequest":
                    if ((p as JsonObject)?["id"] is JsonValue id && _requests.TryGetValue(id.ToJsonString(), out var cancel))
                    {
                        try { cancel.Cancel(); }
                        catch (ObjectDisposedException) { }
                    }
                    break;
                default:
                    if (!method.StartsWith("$/", StringComparison.Ordinal)) Log($"ignored notification '{method}'");
                    break;
            }
        }
        catch (Exception e)
        {
            // A notification cannot be answered: the problem goes to the log and the user.
            var why = e is ProtocolException ? e.Message : $"internal error: {e.Message}";
            Log($"{method}: {(e is ProtocolException ? e.Message : e.ToString())}");
            ShowMessage($"wgec: {method}: {why}");
        }
    }

    private void RecheckAll()
    {
        foreach (var draft in _drafts.Values)
        {
            lock (draft.Checking.Gate) draft.Checking.RefreshWanted = _client.Pulls && _client.Refreshes;
            Schedule(draft);
        }
    }

    /// <summary>Checks the draft in the background: at most one check per draft runs; what is asked for meanwhile is checked next.</summary>
    private void Schedule(OpenDraft draft)
    {
        var state = draft.Checking;
        lock (state.Gate)
        {
            if (state.Closed) return;
            state.Wanted++;
            if (state.Running) return;
            state.Running = true;
        }
        _ = Task.Run(async () =>
        {
            var delay = _checker.Settings.DebounceMs;
            if (delay > 0) await Task.Delay(delay);
            while (true)
            {
                string text;
                int version, revision, wanted;
                lock (state.Gate)
                {
                    if (state.Closed) { state.Running = false; return; }
                    (text, version, revision, wanted) = (draft.Text, draft.Version, draft.Revision, state.Wanted);
                }
                DraftCheck check;
                try
                {
                    check = _checker.Check(draft, text, version, state) with { Revision = revision, Wanted = wanted };
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
                        Version = version, Revision = revision, Wanted = wanted, Source = source, ResultId = $"{version}.error.{wanted}",
                        Diagnostics = [LspDiagnostics.Problem(source, new WgecException(draft.Path, null, $"internal error in wgec: {e.Message}"))],
                    };
                }
                TaskCompletionSource<DraftCheck>? done = null;
                var refresh = false;
                lock (state.Gate)
                {
                    state.Last = check;
                    if (state.Closed) { state.Running = false; return; }
                    if (state.Wanted == wanted)
                    {
                        done = state.Current;
                        state.Current = DraftChecking.NewWaiter();
                        refresh = state.RefreshWanted;
                        state.RefreshWanted = false;
                    }
                }
                if (done is null) continue; // asked again while checking: check the newest, publish that
                done.TrySetResult(check); // before publishing: a failed publication must not leave requests waiting
                if (!_client.Pulls) await Publish(draft, Items(check), version);
                else if (refresh) _ = SendRequest("workspace/diagnostic/refresh", null);
                lock (state.Gate)
                {
                    if (state.Wanted != wanted && !state.Closed) continue; // asked again while publishing
                    state.Running = false;
                    return;
                }
            }
        });
    }

    /// <summary>One publication at a time per draft, in order, and none after it was closed (but the clearing one).</summary>
    private async Task Publish(OpenDraft draft, JsonArray diagnostics, int? version)
    {
        var state = draft.Checking;
        await state.Publishing.WaitAsync();
        try
        {
            bool closed;
            lock (state.Gate) closed = state.Closed;
            if (closed && version is not null) return;
            var parameters = new JsonObject { ["uri"] = draft.Uri, ["diagnostics"] = diagnostics };
            if (version is not null) parameters["version"] = version;
            await Send(Lsp.Notification("textDocument/publishDiagnostics", parameters));
        }
        finally
        {
            state.Publishing.Release();
        }
    }

    /// <summary>
    /// The check that answers a request: the draft's latest, once it has seen everything asked for. When the
    /// request was made against text that has since changed (<paramref name="pinned"/>), its positions would point
    /// at other words: the answer is ContentModified and the client asks again.
    /// </summary>
    private async Task<DraftCheck> CurrentCheck(string uri, int? pinned, CancellationToken cancel)
    {
        if (!_drafts.TryGetValue(uri, out var draft)) throw new ProtocolException(ErrorCodes.InvalidParams, $"the draft {uri} is not open");
        Task<DraftCheck> waiting;
        lock (draft.Checking.Gate)
        {
            waiting = draft.Checking.Last is { } last && last.Wanted == draft.Checking.Wanted && !draft.Checking.Closed
                ? Task.FromResult(last)
                : draft.Checking.Current.Task;
        }
        var check = await waiting.WaitAsync(cancel);
        if (pinned is { } revision && check.Revision != revision)
            throw new ProtocolException(ErrorCodes.ContentModified, "the draft changed since the request was sent");
        return check;
    }

    private static JsonArray Items(DraftCheck check) => new(check.Diagnostics.Select(s => s.Lsp.DeepClone()).ToArray());

    private void ShowMessage(string text) =>
        _ = Send(Lsp.Notification("window/showMessage", new JsonObject { ["type"] = 2, ["message"] = text }));

    private void Log(string text) => _log.WriteLine($"wgec lsp: {text}");

    private Task SendRequest(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = $"wgec-{Interlocked.Increment(ref _nextRequestId)}", ["method"] = method, ["params"] = parameters });

    private Task Send(JsonObject message)
    {
        var task = Write(message);
        lock (_sending) _sending.Add(task);
        _ = task.ContinueWith(t => { lock (_sending) _sending.Remove(t); }, TaskScheduler.Default);
        return task;
    }

    private async Task Write(JsonObject message)
    {
        try
        {
            if (!await _channel.WriteAsync(message)) _stopping.Cancel();
        }
        catch (Exception e)
        {
            Log($"could not send a message: {e.Message}");
        }
    }
}
