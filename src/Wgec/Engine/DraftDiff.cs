using Wgec.Model;
using Wgec.Rules;

namespace Wgec.Engine;

/// <summary>
/// What a change did to the drafts: proposals matched by id (or, when ids changed, by wording), verdicts
/// that got worse or better, findings that are new or resolved, score deltas.
/// </summary>
public static class DraftDiff
{
    public sealed record VerdictChange(string Code, Verdict Old, Verdict New)
    {
        public bool Worse => Rank(New) < Rank(Old);
    }

    public sealed record ProposalChange(
        string Path, string Id, string? OldId, string Status, double? OldScore, double? NewScore,
        IReadOnlyList<VerdictChange> Verdicts, IReadOnlyList<Diagnostic> NewFindings, IReadOnlyList<Diagnostic> ResolvedFindings)
    {
        public bool Worse => Verdicts.Any(v => v.Worse) || NewFindings.Any(IsProblem) || (OldScore is { } o && NewScore is { } n && n < o);
        public bool Changed => Status != "unchanged" || Verdicts.Count > 0 || NewFindings.Count > 0 || ResolvedFindings.Count > 0;
    }

    private static bool IsProblem(Diagnostic d) => d.Polarity == Polarity.Violates && d.Severity >= Severity.Warning && !d.IsSuppressed;

    public static int Rank(Verdict v) => v switch { Verdict.Meets => 2, Verdict.NotAddressed => 1, _ => 0 };

    /// <summary>Documents are paired by their key (path relative to the compared roots).</summary>
    public static List<ProposalChange> Compare(IReadOnlyList<(string Key, DocumentResult? Old, DocumentResult? New)> pairs)
    {
        var changes = new List<ProposalChange>();
        foreach (var (key, oldDoc, newDoc) in pairs)
        {
            var olds = oldDoc?.Proposals.ToList() ?? [];
            var news = newDoc?.Proposals.ToList() ?? [];
            // Wording before ids: deleting D1 and renumbering the rest changes every id and no text, so the same
            // words pair first, then the most similar words, and only then the same id (a heavily rewritten proposal).
            var matched = new Dictionary<ProposalResult, ProposalResult>();
            var taken = new HashSet<ProposalResult>();
            void Pair(ProposalResult n, ProposalResult o) { matched[n] = o; taken.Add(o); }
            foreach (var n in news)
                if (olds.FirstOrDefault(o => !taken.Contains(o) && Fingerprints.Normalise(o.Proposal.Text) == Fingerprints.Normalise(n.Proposal.Text)) is { } same)
                    Pair(n, same);
            var similar = news.Where(n => !matched.ContainsKey(n))
                .SelectMany(n => olds.Where(o => !taken.Contains(o)).Select(o => (n, o, Score: Similarity(o.Proposal.Text, n.Proposal.Text))))
                .Where(x => x.Score >= 0.5)
                .OrderByDescending(x => x.Score).ThenBy(x => x.n.Proposal.Ordinal).ThenBy(x => x.o.Proposal.Ordinal).ToList();
            foreach (var (n, o, _) in similar)
                if (!matched.ContainsKey(n) && !taken.Contains(o)) Pair(n, o);
            foreach (var n in news.Where(n => !matched.ContainsKey(n)))
                if (olds.FirstOrDefault(o => !taken.Contains(o) && o.Proposal.Id == n.Proposal.Id) is { } byId) Pair(n, byId);
            foreach (var n in news)
            {
                if (matched.TryGetValue(n, out var o)) changes.Add(Change(key, o, n));
                else changes.Add(new ProposalChange(key, n.Proposal.Id, null, "added", null, n.Score, [], n.Diagnostics.Where(d => !d.IsSuppressed).ToList(), []));
            }
            foreach (var o in olds.Where(o => !taken.Contains(o)))
                changes.Add(new ProposalChange(key, o.Proposal.Id, o.Proposal.Id, "removed", o.Score, null, [], [], o.Diagnostics.Where(d => !d.IsSuppressed).ToList()));
        }
        return changes;
    }

    private static ProposalChange Change(string key, ProposalResult o, ProposalResult n)
    {
        var verdicts = n.Verdicts.Where(v => o.Verdicts.Any(x => x.Code == v.Code))
            .Select(v => new VerdictChange(v.Code, o.VerdictOf(v.Code), v.Verdict)).Where(c => c.Old != c.New).ToList();
        string Key(Diagnostic d) => d.Id + "|" + Fingerprints.Normalise(d.Text);
        var oldKeys = o.Diagnostics.Where(d => !d.IsSuppressed).GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var newKeys = n.Diagnostics.Where(d => !d.IsSuppressed).GroupBy(Key).ToDictionary(g => g.Key, g => g.Count());
        var added = n.Diagnostics.Where(d => !d.IsSuppressed).GroupBy(Key)
            .SelectMany(g => g.Skip(oldKeys.GetValueOrDefault(g.Key))).ToList();
        var resolved = o.Diagnostics.Where(d => !d.IsSuppressed).GroupBy(Key)
            .SelectMany(g => g.Skip(newKeys.GetValueOrDefault(g.Key))).ToList();
        var sameWords = Fingerprints.Normalise(o.Proposal.Text) == Fingerprints.Normalise(n.Proposal.Text);
        var status = o.Proposal.Id != n.Proposal.Id ? "renamed" : (sameWords ? "unchanged" : "edited");
        return new ProposalChange(key, n.Proposal.Id, o.Proposal.Id, status, o.Score, n.Score, verdicts, added, resolved);
    }

    private static double Similarity(string a, string b)
    {
        static HashSet<string> Shingles(string t)
        {
            var w = t.ToLowerInvariant().Split((char[])[' ', '\n', '\t', '.', ',', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
            return Enumerable.Range(0, Math.Max(0, w.Length - 2)).Select(i => $"{w[i]} {w[i + 1]} {w[i + 2]}").ToHashSet();
        }
        var x = Shingles(a);
        var y = Shingles(b);
        if (x.Count == 0 || y.Count == 0) return 0;
        return (double)x.Intersect(y).Count() / x.Union(y).Count();
    }
}
