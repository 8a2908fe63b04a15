using System.Text.RegularExpressions;
using Wgec.Analysis;
using Wgec.CrossProposal;
using Wgec.Model;
using Wgec.Rules;
using Wgec.Rules.Conditions;
using Wgec.Scoring;

namespace Wgec.Engine;

/// <summary>
/// Runs the compiled rules over documents: per proposal, the text analysis is computed once, the hits of every
/// leaf in use become <see cref="TextMatch"/> facts of a fresh NRules session (small working memory: one
/// proposal), the session fires, and the firings become diagnostics, verdicts and a score.
/// </summary>
public sealed class Checker
{
    private readonly RuleSet _rules;
    private readonly RuleCompiler.Compiled _compiled;
    private readonly Leaf[] _leaves;
    private readonly LeafDemand _leafDemand;
    private readonly Func<RuleDescriptor, Severity> _severity;
    private readonly bool _demandDriven;

    /// <param name="demandDriven">Look for a leaf only while a rule that uses it can still fire, and run the
    /// recognizers only where a rule could use their entities (default). Off only to prove, in tests, that this
    /// changes no result.</param>
    public Checker(RuleSet rules, Func<RuleDescriptor, Severity>? severity = null, bool demandDriven = true)
    {
        _demandDriven = demandDriven;
        _rules = rules;
        _severity = severity ?? (r => r.DefaultSeverity);
        var active = rules.Rules.Where(r => _severity(r.Descriptor) != Severity.None).ToList();
        _compiled = RuleCompiler.Compile(active);
        _leaves = new Leaf[_compiled.LeafIds.Count];
        foreach (var (leaf, id) in _compiled.LeafIds) _leaves[id] = leaf;
        _leafDemand = new LeafDemand(_compiled.Shapes, _leaves.Length);
    }

    public RuleSet Rules => _rules;

    /// <summary>Leaf keys by fact leaf id (for explanations).</summary>
    public IReadOnlyList<string> LeafNames => _leaves.Select(l => l.Key).ToList();

    /// <summary>Called after each proposal is checked (from worker threads), for progress display.</summary>
    public Action? OnProposalChecked { get; set; }

    /// <summary>Optional observer of every NRules firing (rule name and facts), for explanations.</summary>
    public Action<Proposal, Firing>? OnFiring { get; set; }

    public CheckResult Check(IEnumerable<PolicyDocument> documents, string profile,
        Func<PolicyDocument, DocumentOptions>? optionsFor = null, IReadOnlySet<string>? baseline = null)
    {
        var characteristics = _rules.ProfileCharacteristics(profile);
        var results = documents.Select(d => CheckDocument(d, characteristics, optionsFor?.Invoke(d) ?? DocumentOptions.Default, baseline)).ToList();
        var baselined = results.SelectMany(r => r.AllDiagnostics).Where(d => d.Suppression?.Kind == SuppressionKind.Baseline).Select(d => d.Fingerprint).ToHashSet();
        return new CheckResult(profile, characteristics, results)
        {
            Baselined = baselined.Count,
            BaselineFixed = baseline is null ? 0 : baseline.Count(f => !baselined.Contains(f)),
        };
    }

    public DocumentResult CheckDocument(PolicyDocument document, IReadOnlyList<Characteristic> profile,
        DocumentOptions? options = null, IReadOnlySet<string>? baseline = null, DocumentCache? cache = null,
        CancellationToken cancel = default)
    {
        options ??= DocumentOptions.Default;
        cache?.BeginCheck();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel };
        var proposals = document.Proposals.Select(Capped).ToArray();
        var tooLong = document.Proposals.Where((p, i) => proposals[i].Text.Length < p.Text.Length).ToList();
        var longRun = Interlocked.Add(ref _proposalsChecked, proposals.Length) >= LongRunProposals;
        // An analysis is made when a proposal is checked and dropped after: a long document's tokens and
        // sentences, all held at once, would be most of the memory a check needs.
        ProposalAnalysis Analyse(Proposal p) => new(p, cache?.SegmentsOf(p.Text)) { LongRun = longRun };
        var similar = new Dictionary<string, List<Hit>>?[proposals.Length];
        foreach (var leaf in _leaves.OfType<SimilarLeaf>()) MarkNearDuplicates(proposals, Analyse, leaf, similar, parallel);
        var codes = profile.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var comments = document.Format == Readers.MarkdownReader.Format.Name ? SuppressionComment.Parse(document.Source) : [];
        var policy = new FindingPolicy(options.Severity ?? _severity, comments, baseline);
        var documentKey = Fingerprints.DocumentKey(document.Path);
        var results = new ProposalResult[proposals.Length];
        var byId = new Dictionary<string, Proposal>(StringComparer.Ordinal);
        foreach (var p in proposals) byId.TryAdd(p.Id, p);
        try
        {
            Parallel.For(0, proposals.Length, parallel,
                i =>
                {
                    var analysis = Analyse(proposals[i]);
                    if (similar[i] is { } restated) foreach (var (key, hits) in restated) analysis.Similar[key] = hits;
                    results[i] = CheckProposal(analysis, profile, codes, byId, policy, documentKey, cache);
                    OnProposalChecked?.Invoke();
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<WgecException>().FirstOrDefault() is { } located)
        {
            throw located;
        }
        cache?.EndCheck();

        var own = new List<Diagnostic>();
        foreach (var p in tooLong.OrderBy(p => p.Start))
        {
            var rule = BuiltInRules.ProposalTooLong;
            var end = Math.Min(p.Source.LineEnd(p.Source.LineIndexOf(p.Start)), p.Start + 80); // the first words mark it
            var message = rule.Message.Replace("{detail}", p.Text.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{limit}", MaxProposalLength.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            own.Add(new Diagnostic(rule, rule.DefaultSeverity, message, document.Source.Text[p.Start..end],
                p.Start, end, document.Source.LocationOf(p.Start, end), []) { ProposalId = p.Id });
        }
        if (document.Format == Readers.MarkdownReader.Format.Name)
            foreach (var (start, end, problem) in SuppressionComment.Malformed(document.Source))
            {
                var rule = BuiltInRules.MalformedSuppression;
                own.Add(new Diagnostic(rule, rule.DefaultSeverity, rule.Message.Replace("{detail}", problem, StringComparison.Ordinal),
                    document.Source.Text[start..end], start, end, document.Source.LocationOf(start, end), []));
            }
        foreach (var c in comments)
        {
            if (!c.Used) own.Add(Meta(document, BuiltInRules.UnusedSuppression, c));
            if (string.IsNullOrEmpty(c.Reason)) own.Add(Meta(document, BuiltInRules.SuppressionWithoutReason, c));
        }
        var documentDiagnostics = Fingerprints.Assign(documentKey + "|document", own).Select(policy.Apply).OfType<Diagnostic>().ToList();
        var below = options.MinScore is { } min ? results.Where(r => r.Score < min).Select(r => r.Proposal.Id).ToList() : [];
        return new DocumentResult(document, results, Scorer.Mean(results.Select(r => r.Score)))
        {
            Diagnostics = documentDiagnostics, MinScore = options.MinScore, BelowMinScore = below,
        };
    }

    /// <summary>The longest proposal text checked (about 3,000 words, four times the longest recommendation seen):
    /// beyond it, work is bounded by checking the first part and saying so (<see cref="BuiltInRules.ProposalTooLong"/>).</summary>
    public const int MaxProposalLength = 20_000;

    /// <summary>Past this many proposals checked by one checker (one run, or one editor session), lexicon patterns
    /// switch to compiled regexes: compiling ~50 patterns costs about a second, which a shorter run would not win back.</summary>
    public const int LongRunProposals = 400;

    private int _proposalsChecked;

    private static Proposal Capped(Proposal p)
    {
        if (p.Text.Length <= MaxProposalLength) return p;
        var cut = p.Text.LastIndexOfAny([' ', '\n'], MaxProposalLength, MaxProposalLength / 10);
        if (cut <= 0) cut = MaxProposalLength;
        return new Proposal
        {
            Id = p.Id, Title = p.Title, Contributor = p.Contributor, Section = p.Section, Source = p.Source, HeadingLine = p.HeadingLine,
            Start = p.Start, End = p.Start + cut, Text = p.Text[..cut], Ordinal = p.Ordinal,
        };
    }

    private static Diagnostic Meta(PolicyDocument document, RuleDescriptor rule, SuppressionComment c) =>
        new(rule, rule.DefaultSeverity, rule.Message, document.Source.Text[c.Start..c.End],
            c.Start, c.End, document.Source.LocationOf(c.Start, c.End), []);

    private static void MarkNearDuplicates(Proposal[] proposals, Func<Proposal, ProposalAnalysis> analyse, SimilarLeaf leaf,
        Dictionary<string, List<Hit>>?[] similar, ParallelOptions parallel)
    {
        foreach (var m in NearDuplicateDetector.Find(proposals, analyse, leaf.MinContainment, leaf.MinWords, parallel: parallel))
        {
            var later = similar[m.Later] ??= new Dictionary<string, List<Hit>>(StringComparer.Ordinal);
            if (!later.TryGetValue(leaf.Key, out var hits)) later[leaf.Key] = hits = [];
            var pct = (int)Math.Round(m.Containment * 100);
            hits.Add(new Hit(m.Start, m.End, $"{pct}% of its wording", proposals[m.Earlier].Id));
        }
    }

    private ProposalResult CheckProposal(ProposalAnalysis analysis, IReadOnlyList<Characteristic> profile,
        HashSet<string> codes, IReadOnlyDictionary<string, Proposal> siblings, FindingPolicy policy, string documentKey, DocumentCache? cache)
    {
        List<Firing> firings;
        try
        {
            firings = cache is null ? Fire(analysis) : cache.GetOrFire(analysis, Fire);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new WgecException(analysis.Proposal.Source.Path, analysis.Proposal.Location.StartLine,
                $"the pattern '{Shorten(e.Pattern)}' ({OriginOf(e.Pattern)}) ran longer than {RegexLimits.MatchTimeout.TotalSeconds:0} s on proposal {analysis.Proposal.Id}; rewrite it so it cannot backtrack without end", "pattern");
        }
        var raw = ToDiagnostics(analysis, firings, siblings).Where(d => codes.Contains(d.Characteristic)).ToList();
        var proposal = analysis.Proposal;
        var diagnostics = Fingerprints.Assign(documentKey + "|" + proposal.Id, raw)
            .Select(d => policy.Apply(d with { ProposalId = proposal.Id })).OfType<Diagnostic>().ToList();
        var verdicts = profile.Select(c => (c.Code, Scorer.VerdictFor(c, diagnostics))).ToList();
        return new ProposalResult(proposal, verdicts, Scorer.Tensions(_rules.Tensions, verdicts),
            Scorer.Score(profile, verdicts), diagnostics);
    }

    public List<Firing> Fire(ProposalAnalysis analysis)
    {
        var session = _compiled.Factory.CreateSession();
        var facts = new List<object>();
        var hits = new List<Hit>[_leaves.Length];
        var demand = _leafDemand.Start();
        void Evaluate(int id)
        {
            hits[id] = !_demandDriven || demand.Needed(id) ? _leaves[id].Find(analysis).ToList() : [];
            demand.Record(id, hits[id].Count);
        }
        // Text leaves first: which sentences they hit decides where the (expensive) recognizers must run.
        for (var id = 0; id < _leaves.Length; id++)
            if (_leaves[id].RecognizerModels == EntityModels.None) Evaluate(id);
        analysis.RecognizerPlan = _demandDriven ? PlanFor(analysis, hits) : null;
        for (var id = 0; id < _leaves.Length; id++)
            if (_leaves[id].RecognizerModels != EntityModels.None) Evaluate(id);
        for (var id = 0; id < _leaves.Length; id++)
        {
            if (_demandDriven && !demand.Needed(id)) continue; // only rules that cannot fire use it
            foreach (var hit in hits[id])
            {
                var token = analysis.TokenAt(hit.Start);
                facts.Add(new TextMatch
                {
                    Leaf = id, Start = hit.Start, End = hit.End, Sentence = analysis.SentenceAt(hit.Start),
                    Token = token, TokenEnd = Math.Max(token, analysis.LastTokenBefore(hit.End)),
                    Detail = hit.Detail, Related = hit.Related,
                });
            }
        }
        if (_compiled.NeedsProposalFact) facts.Add(new ProposalFact { Id = analysis.Proposal.Id });
        session.InsertAll(facts);
        session.Fire();
        var firings = session.Query<Firing>().ToList();
        if (OnFiring is { } observe) foreach (var f in firings) observe(analysis.Proposal, f);
        return firings;
    }

    /// <summary>Where the recognizers must read, from the hits of the text leaves (see <see cref="RuleCompiler.EntityDemand"/>).</summary>
    private EntityPlan PlanFor(ProposalAnalysis analysis, List<Hit>[] hits)
    {
        var plan = new EntityPlan();
        var sentencesOf = new Dictionary<int, HashSet<int>>();
        HashSet<int> SentencesOf(int leaf)
        {
            if (!sentencesOf.TryGetValue(leaf, out var set))
                sentencesOf[leaf] = set = hits[leaf].Select(h => analysis.SentenceAt(h.Start)).ToHashSet();
            return set;
        }
        foreach (var demand in _compiled.EntityDemands)
        {
            bool Wanted(int s) => demand.Always || demand.Partners.All(atom => atom.Any(leaf =>
                demand.SameSentence ? SentencesOf(leaf).Contains(s) : SentencesOf(leaf).Count > 0));
            if (demand.Anchor is { } anchor && !demand.Always)
            {
                foreach (var hit in anchor.SelectMany(leaf => hits[leaf]))
                {
                    var first = analysis.TokenAt(hit.Start);
                    plan.AddAround(demand.Models, analysis, first, Math.Max(first, analysis.LastTokenBefore(hit.End)), demand.Within, Wanted);
                }
            }
            else
            {
                foreach (var s in analysis.Sentences)
                    if (Wanted(s.Index)) plan.Add(demand.Models, s.Index, s.Start, s.End);
            }
        }
        return plan;
    }

    private List<Diagnostic> ToDiagnostics(ProposalAnalysis analysis, List<Firing> firings, IReadOnlyDictionary<string, Proposal> siblings)
    {
        var best = new Dictionary<(string, int), (Firing Firing, int Start, int End)>();
        foreach (var firing in firings)
        {
            var rule = _compiled.RulesByNrulesName[firing.RuleName];
            int start, end;
            if (firing.Matches.Length == 0)
            {
                var first = analysis.Sentences.Length > 0 ? analysis.Sentences[0] : new Sentence(0, 0, analysis.Text.Length, 0, 0);
                (start, end) = (first.Start, first.End);
            }
            else
            {
                start = firing.Matches.Min(m => m.Start);
                end = firing.Matches.Max(m => m.End);
            }
            var sentence = rule.Scope == RuleScope.Sentence && firing.Matches.Length > 0 ? firing.Matches[0].Sentence : -1;
            var key = (rule.Id, sentence);
            if (!best.TryGetValue(key, out var current) || start < current.Start || (start == current.Start && end < current.End))
                best[key] = (firing, start, end);
        }
        var proposal = analysis.Proposal;
        var diagnostics = new List<Diagnostic>();
        foreach (var ((ruleId, _), (firing, start, end)) in best)
        {
            var rule = _compiled.RulesByNrulesName[firing.RuleName];
            var text = Whitespace.Collapse(proposal.SourceSlice(start, end));
            var related = new List<RelatedLocation>(0);
            var detail = string.Join("; ", firing.Matches.Select(m => m.Detail).Where(d => d.Length > 0 && !string.Equals(Whitespace.Collapse(d), text, StringComparison.Ordinal)).Distinct());
            foreach (var other in firing.Matches.Select(m => m.Related).OfType<string>().Distinct())
            {
                var target = siblings[other];
                related.Add(new RelatedLocation(target.Id, target.Source.Path, target.Location, $"restates {target.Id}"));
            }
            var message = rule.Message
                .Replace("{text}", Shorten(text), StringComparison.Ordinal)
                .Replace("{detail}", detail, StringComparison.Ordinal)
                .Replace("{related}", string.Join(", ", related.Select(r => r.ProposalId)), StringComparison.Ordinal);
            var location = proposal.Source.LocationOf(proposal.Start + start, proposal.Start + end);
            diagnostics.Add(new Diagnostic(rule.Descriptor, rule.DefaultSeverity, message, text, proposal.Start + start, proposal.Start + end, location,
                related.Count == 0 ? [] : related));
        }
        diagnostics.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Id, b.Id));
        return diagnostics;
    }

    private string OriginOf(string pattern) =>
        _leaves.OfType<PatternLeaf>().FirstOrDefault(l => l.Regex.ToString() == pattern)?.Origin is { Length: > 0 } rule ? "rule file " + rule
        : _rules.Lexicons.Values.FirstOrDefault(l => l.Owns(pattern)) is { } lexicon ? $"lexicon '{lexicon.Name}' in {lexicon.File}({lexicon.Line})"
        : "a rule's pattern";

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "…";
}
