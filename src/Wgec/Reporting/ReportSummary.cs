using Wgec.Engine;
using Wgec.Rules;

namespace Wgec.Reporting;

/// <summary>How many proposals meet, violate and leave unaddressed one characteristic.</summary>
public readonly record struct VerdictCounts(int Meets, int Violates, int NotAddressed)
{
    public int Of(Verdict verdict) => verdict switch
    {
        Verdict.Meets => Meets,
        Verdict.Violates => Violates,
        _ => NotAddressed,
    };

    /// <summary>The counts per characteristic code of the profile over some proposals.</summary>
    public static IReadOnlyDictionary<string, VerdictCounts> PerCharacteristic(IReadOnlyList<Characteristic> profile, IEnumerable<ProposalResult> proposals)
    {
        var counts = profile.ToDictionary(c => c.Code, _ => new int[3], StringComparer.Ordinal);
        foreach (var p in proposals)
            foreach (var (code, verdict) in p.Verdicts)
                if (counts.TryGetValue(code, out var c)) c[verdict switch { Verdict.Meets => 0, Verdict.Violates => 1, _ => 2 }]++;
        return counts.ToDictionary(kv => kv.Key, kv => new VerdictCounts(kv.Value[0], kv.Value[1], kv.Value[2]), StringComparer.Ordinal);
    }
}

/// <summary>Proposals that share a section or a contributor: how many, their mean score, their verdict counts.</summary>
public sealed record GroupSummary(string Key, int Proposals, double MeanScore, IReadOnlyDictionary<string, VerdictCounts> Counts);

/// <summary>
/// The figures a report shows besides the proposals themselves, computed once so that every format shows the
/// same: verdict counts per characteristic for each document and for all of them, and aggregates per section
/// and per contributor. Scores and contributions come from <see cref="Scoring.Scorer"/>.
/// </summary>
public sealed class ReportSummary
{
    private readonly Dictionary<DocumentResult, IReadOnlyDictionary<string, VerdictCounts>> _perDocument;
    private readonly Lazy<List<GroupSummary>> _bySection, _byContributor; // only the HTML report shows them

    private ReportSummary(CheckResult result)
    {
        Result = result;
        Proposals = result.Documents.SelectMany(d => d.Proposals.Select(p => (d, p))).ToList();
        _perDocument = result.Documents.ToDictionary(d => d, d => VerdictCounts.PerCharacteristic(result.Characteristics, d.Proposals));
        Overall = VerdictCounts.PerCharacteristic(result.Characteristics, Proposals.Select(x => x.Proposal));
        _bySection = new(() => Groups(x => x.Proposal.Proposal.Section, ordered: false));
        _byContributor = new(() => Groups(x => x.Proposal.Proposal.Contributor, ordered: true));
    }

    public static ReportSummary Of(CheckResult result) => new(result);

    public CheckResult Result { get; }

    /// <summary>Every proposal with its document, in document order.</summary>
    public IReadOnlyList<(DocumentResult Document, ProposalResult Proposal)> Proposals { get; }

    /// <summary>Verdict counts per characteristic over all documents.</summary>
    public IReadOnlyDictionary<string, VerdictCounts> Overall { get; }

    /// <summary>Sections in the order they first appear ("(none)" for proposals without one).</summary>
    public IReadOnlyList<GroupSummary> BySection => _bySection.Value;

    /// <summary>Contributors in ordinal order ("(none)" for proposals without one).</summary>
    public IReadOnlyList<GroupSummary> ByContributor => _byContributor.Value;

    /// <summary>Verdict counts per characteristic in one document.</summary>
    public IReadOnlyDictionary<string, VerdictCounts> Of(DocumentResult document) => _perDocument[document];

    private List<GroupSummary> Groups(Func<(DocumentResult Document, ProposalResult Proposal), string> key, bool ordered)
    {
        var groups = Proposals.GroupBy(x => key(x) is { Length: > 0 } k ? k : "(none)");
        if (ordered) groups = groups.OrderBy(g => g.Key, StringComparer.Ordinal);
        return groups.Select(g => new GroupSummary(g.Key, g.Count(), g.Average(x => x.Proposal.Score),
            VerdictCounts.PerCharacteristic(Result.Characteristics, g.Select(x => x.Proposal)))).ToList();
    }
}
