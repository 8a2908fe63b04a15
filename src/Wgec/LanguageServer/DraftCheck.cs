using System.Text.Json.Nodes;
using Wgec.Engine;
using Wgec.Model;
using Wgec.Rules;

namespace Wgec.LanguageServer;

/// <summary>
/// One finished check of one version of a draft: the engine's result (or the located problem that stopped it:
/// a broken wgec.yaml, a rule pack, a duplicate id) and the LSP diagnostics made from it, kept with the
/// findings they came from so hovers and code actions answer from the same check the editor shows.
/// </summary>
public sealed record DraftCheck
{
    public required int Version { get; init; }
    /// <summary>The draft's <see cref="OpenDraft.Revision"/> this check saw (positions in requests refer to it).</summary>
    public int Revision { get; init; }
    /// <summary>The <see cref="DraftChecking.Wanted"/> count this check answered (a re-check for a new wgec.yaml has the same revision).</summary>
    public int Wanted { get; init; }
    public required SourceText Source { get; init; }
    public DocumentResult? Result { get; init; }
    public RuleSet? Rules { get; init; }
    public Checker? Checker { get; init; }
    /// <summary>What the engine's cache recorded of this check: each proposal's firings, and how much was reused.</summary>
    public DocumentCache.CheckRecord? Record { get; init; }
    public string Profile { get; init; } = Wgec.Rules.RuleSet.DefaultProfile;
    public required IReadOnlyList<Shown> Diagnostics { get; init; }
    /// <summary>Changes whenever the diagnostics may have (pull diagnostics answer "unchanged" otherwise).</summary>
    public required string ResultId { get; init; }

    /// <summary>A diagnostic as sent, and the finding behind it (null for a problem that stopped the check).</summary>
    public sealed record Shown(Diagnostic? Finding, JsonObject Lsp);

    public ProposalResult? ProposalAt(int offset) =>
        Result?.Proposals.FirstOrDefault(p => offset >= p.Proposal.Start && offset <= p.Proposal.End)
        ?? Result?.Proposals.FirstOrDefault(p => p.Proposal.HeadingLine is { } h && Source.LineIndexOf(offset) == h);

    public ProposalResult? ProposalWithHeadingAt(int line) => Result?.Proposals.FirstOrDefault(p => p.Proposal.HeadingLine == line);
}

/// <summary>The checking state of one open draft: at most one check runs; changes meanwhile are coalesced into the next.</summary>
internal sealed class DraftChecking
{
    public readonly object Gate = new();
    public bool Running;
    /// <summary>Counts the requests for a check (each change, each re-check); a check is current when it saw the latest.</summary>
    public int Wanted;
    /// <summary>Set when a re-check not caused by the editor's text ends: a client that pulls diagnostics is asked to pull again.</summary>
    public bool RefreshWanted;
    public bool Closed { get; private set; }
    /// <summary>Cancelled when the draft is closed or the server stops, so a long check (a huge draft) ends early.</summary>
    public readonly CancellationTokenSource Cancel = new();

    /// <summary>Under <see cref="Gate"/>: no further checks; a running one is cancelled; waiters get an error.</summary>
    public void Close(string why)
    {
        Closed = true;
        Cancel.Cancel();
        Current.TrySetException(new ProtocolException(ErrorCodes.ContentModified, why));
    }
    public DraftCheck? Last;
    /// <summary>Completed with the first check of the draft's current version (requests that need it wait here).</summary>
    public TaskCompletionSource<DraftCheck> Current = NewWaiter();
    public DocumentCache Cache = new();
    /// <summary>The checker <see cref="Cache"/> holds firings of (a new rule set starts a new cache).</summary>
    public Checker? CacheChecker;
    /// <summary>Held while publishing, so diagnostics go out in the order they were made and none after a close.</summary>
    public readonly SemaphoreSlim Publishing = new(1, 1);
    public int Generation;

    public static TaskCompletionSource<DraftCheck> NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
