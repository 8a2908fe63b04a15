using Wgec.Analysis;
using Wgec.Model;

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

    /// <param name="analyse">The analysis of a proposal, made when needed and not kept: a document of 20,000
    /// proposals must not hold all their tokens at once.</param>
    /// <param name="otherContributorsOnly">A contributor revising its own earlier input is not duplicating anyone:
    /// only earlier proposals of another contributor count (proposals without a contributor always count).</param>
    public static List<Match> Find(IReadOnlyList<Proposal> proposals, Func<Proposal, ProposalAnalysis> analyse, double minContainment,
        int minWords, bool otherContributorsOnly = true, ParallelOptions? parallel = null)
    {
        // Each proposal's 3-gram hashes (read in parallel; only hashes are kept); then one pass counts, for every
        // 3-gram, the proposals that use it and remembers the first few of them; the second finds, for each
        // proposal, the earlier one it shares most 3-grams with. Positions are read again for a match.
        var hashes = new long[proposals.Count][];
        var words = new int[proposals.Count];
        Parallel.For(0, proposals.Count, parallel ?? new ParallelOptions(), j =>
        {
            var analysis = analyse(proposals[j]);
            hashes[j] = Shingles(analysis).Select(p => p.Hash).ToArray();
            words[j] = analysis.Tokens.Length;
        });
        var seen = new Dictionary<long, Owners>();
        for (var j = 0; j < proposals.Count; j++)
            foreach (var s in hashes[j].Distinct())
                seen[s] = seen.TryGetValue(s, out var o) ? o.With(j) : new Owners(1, j, -1, -1);
        HashSet<long> Kept(int j) => hashes[j].Where(s => seen[s].Count <= MaxSharedBy).ToHashSet();
        var result = new List<Match>();
        for (var j = 0; j < proposals.Count; j++)
        {
            if (words[j] < minWords) continue;
            var shingles = Kept(j);
            if (shingles.Count == 0) continue;
            var overlap = new Dictionary<int, int>();
            foreach (var s in shingles)
                foreach (var i in seen[s].Before(j))
                    if (!otherContributorsOnly || !SameContributor(proposals[i], proposals[j]))
                        overlap[i] = overlap.GetValueOrDefault(i) + 1;
            var best = overlap.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).FirstOrDefault();
            var containment = (double)best.Value / shingles.Count;
            if (best.Value > 0 && containment >= minContainment)
            {
                var earlier = Kept(best.Key);
                var shared = Shingles(analyse(proposals[j])).Where(p => earlier.Contains(p.Hash)).ToList();
                result.Add(new Match(j, best.Key, containment, shared.Min(p => p.Start), shared.Max(p => p.End)));
            }
        }
        return result;
    }

    /// <summary>How many proposals use a 3-gram, and the first <see cref="MaxSharedBy"/> of them (in document order;
    /// three slots, one per owner <see cref="MaxSharedBy"/> allows: change them together).</summary>
    private readonly record struct Owners(int Count, int First, int Second, int Third)
    {
        public Owners With(int j) => Count switch
        {
            1 => this with { Count = 2, Second = j },
            2 => this with { Count = 3, Third = j },
            _ => this with { Count = Count + 1 },
        };

        /// <summary>The owners before proposal <paramref name="j"/> (all of them: only 3-grams used at most <see cref="MaxSharedBy"/> times are asked about).</summary>
        public IEnumerable<int> Before(int j)
        {
            if (First >= 0 && First < j) yield return First;
            if (Second >= 0 && Second < j) yield return Second;
            if (Third >= 0 && Third < j) yield return Third;
        }
    }

    private static bool SameContributor(Proposal a, Proposal b) =>
        a.Contributor.Length > 0 && string.Equals(a.Contributor, b.Contributor, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<(long Hash, int Start, int End)> Shingles(ProposalAnalysis a)
    {
        var words = a.Tokens.Select(t => a.Text[t.Start..t.End].ToLowerInvariant()).ToArray();
        for (var i = 0; i + N <= words.Length; i++)
            yield return (StableHash(words[i], words[i + 1], words[i + 2]), a.Tokens[i].Start, a.Tokens[i + N - 1].End);
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
