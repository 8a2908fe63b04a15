using System.Collections.Concurrent;
using System.Text;
using Wgec.Analysis;
using Wgec.Rules;

namespace Wgec.Engine;

/// <summary>
/// What one check of a document may reuse from the last check of the same document: each unchanged proposal's
/// segmentation and rule firings, so that an editor re-checks only the proposals whose words changed. A proposal's firings depend only on its id, its
/// (masked) text and the near-duplicate facts the document-level pass gave it, so those three are the key: an
/// edit elsewhere that makes it a near-duplicate, or stops it being one, re-checks it too. Positions in firings
/// are relative to the proposal, so proposals that merely moved are reused. One check at a time per cache; the
/// proposals of one check may run in parallel. Entries a check did not use are dropped when the next one ends,
/// so memory follows the document, not its history.
/// </summary>
public sealed class DocumentCache
{
    private ConcurrentDictionary<string, List<Firing>> _previous = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, List<Firing>> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, List<Firing>> _byProposal = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, (Token[], Sentence[], List<ListBlock>)> _segmentsBefore = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, (Token[], Sentence[], List<ListBlock>)> _segments = new(StringComparer.Ordinal);
    private int _reused, _fired;

    /// <summary>What the last finished check did: per proposal its firings (for explanations), and how many
    /// proposals it reused and fired. A snapshot: the next check does not change it.</summary>
    public CheckRecord? LastCheck { get; private set; }

    public sealed record CheckRecord(IReadOnlyDictionary<string, List<Firing>> Firings, int Reused, int Fired);

    internal void BeginCheck()
    {
        _current = new ConcurrentDictionary<string, List<Firing>>(StringComparer.Ordinal);
        _byProposal = new ConcurrentDictionary<string, List<Firing>>(StringComparer.Ordinal);
        _segments = new ConcurrentDictionary<string, (Token[], Sentence[], List<ListBlock>)>(StringComparer.Ordinal);
        _reused = _fired = 0;
    }

    internal void EndCheck()
    {
        _previous = _current;
        _segmentsBefore = _segments;
        LastCheck = new CheckRecord(_byProposal, _reused, _fired); // _byProposal is replaced, never cleared, by the next check
    }

    /// <summary>The tokens, sentences and lists of a proposal's text (pure functions of the text, so shared safely).</summary>
    internal (Token[] Tokens, Sentence[] Sentences, List<ListBlock> Lists) SegmentsOf(string text)
    {
        if (!_segmentsBefore.TryGetValue(text, out var segments) && !_segments.TryGetValue(text, out segments)) segments = Segmenter.Segment(text);
        _segments[text] = segments;
        return segments;
    }

    internal List<Firing> GetOrFire(ProposalAnalysis analysis, Func<ProposalAnalysis, List<Firing>> fire)
    {
        var key = KeyOf(analysis);
        if (_previous.TryGetValue(key, out var firings) || _current.TryGetValue(key, out firings)) Interlocked.Increment(ref _reused);
        else
        {
            firings = fire(analysis);
            Interlocked.Increment(ref _fired);
        }
        _current[key] = firings;
        _byProposal[analysis.Proposal.Id] = firings;
        return firings;
    }

    private static string KeyOf(ProposalAnalysis analysis)
    {
        var sb = new StringBuilder(analysis.Proposal.Id).Append('\u0001').Append(analysis.Text);
        foreach (var (leaf, hits) in analysis.Similar.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            sb.Append('\u0001').Append(leaf);
            foreach (var h in hits) sb.Append('\u0002').Append(h.Start).Append(',').Append(h.End).Append(',').Append(h.Detail).Append(',').Append(h.Related);
        }
        return sb.ToString();
    }
}
