using Wgec.Analysis;

namespace Wgec.CrossProposal;

/// <summary>
/// Finds proposals that restate an earlier proposal of the same document: the share of the proposal's word
/// 3-grams that already occur in one earlier proposal (containment). Only the later proposal gets the finding,
/// so the original is not blamed for being copied. Word sequences that more than <see cref="MaxSharedBy"/>
/// proposals of the document use are formulae of the genre ("it is proposed to recommend that") and do not
/// count. An inverted index keeps this linear in practice.
/// </summary>
public static class NearDuplicateDetector
{
    private const int N = 3;

    /// <summary>An original, one restatement and one more copy may share a sequence; beyond that it is a formula.</summary>
    public const int MaxSharedBy = 3;

    public sealed record Match(int Later, int Earlier, double Containment, int Start, int End);

    /// <param name="otherContributorsOnly">A contributor revising its own earlier input is not duplicating anyone:
    /// only earlier proposals of another contributor count (proposals without a contributor always count).</param>
    public static List<Match> Find(IReadOnlyList<ProposalAnalysis> proposals, double minContainment, int minWords, bool otherContributorsOnly = true)
    {
        var result = new List<Match>();
        var index = new Dictionary<long, List<int>>();
        var all = proposals.Select(Shingles).ToList();
        var sharedBy = new Dictionary<long, int>();
        foreach (var (set, _) in all)
            foreach (var s in set) sharedBy[s] = sharedBy.GetValueOrDefault(s) + 1;
        var shingleSets = new List<HashSet<long>>();
        for (var j = 0; j < proposals.Count; j++)
        {
            var shingles = all[j].Item1.Where(s => sharedBy[s] <= MaxSharedBy).ToHashSet();
            var positions = all[j].Item2;
            shingleSets.Add(shingles);
            if (proposals[j].Tokens.Length >= minWords && shingles.Count > 0)
            {
                var overlap = new Dictionary<int, int>();
                foreach (var s in shingles)
                    if (index.TryGetValue(s, out var owners))
                        foreach (var i in owners)
                            if (!otherContributorsOnly || !SameContributor(proposals[i], proposals[j]))
                                overlap[i] = overlap.GetValueOrDefault(i) + 1;
                var best = overlap.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).FirstOrDefault();
                var containment = shingles.Count == 0 ? 0 : (double)best.Value / shingles.Count;
                if (best.Value > 0 && containment >= minContainment)
                {
                    var shared = positions.Where(p => shingleSets[best.Key].Contains(p.Hash)).ToList();
                    result.Add(new Match(j, best.Key, containment, shared.Min(p => p.Start), shared.Max(p => p.End)));
                }
            }
            foreach (var s in shingles)
            {
                if (!index.TryGetValue(s, out var owners)) index[s] = owners = [];
                owners.Add(j);
            }
        }
        return result;
    }

    private static bool SameContributor(ProposalAnalysis a, ProposalAnalysis b) =>
        a.Proposal.Contributor.Length > 0 && string.Equals(a.Proposal.Contributor, b.Proposal.Contributor, StringComparison.OrdinalIgnoreCase);

    private static (HashSet<long>, List<(long Hash, int Start, int End)>) Shingles(ProposalAnalysis a)
    {
        var words = a.Tokens.Select(t => a.Text[t.Start..t.End].ToLowerInvariant()).ToArray();
        var set = new HashSet<long>();
        var positions = new List<(long, int, int)>();
        for (var i = 0; i + N <= words.Length; i++)
        {
            var h = StableHash(words[i], words[i + 1], words[i + 2]);
            set.Add(h);
            positions.Add((h, a.Tokens[i].Start, a.Tokens[i + N - 1].End));
        }
        return (set, positions);
    }

    /// <summary>FNV-1a over the words: stable across processes (string.GetHashCode is randomised).</summary>
    private static long StableHash(string a, string b, string c)
    {
        var h = unchecked((long)14695981039346656037UL);
        foreach (var w in new[] { a, b, c })
        {
            foreach (var ch in w) { h ^= ch; h = unchecked(h * 1099511628211L); }
            h ^= ' '; h = unchecked(h * 1099511628211L);
        }
        return h;
    }
}
