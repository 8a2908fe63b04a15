using System.Text;
using Wgec.Analysis;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules.Conditions;

/// <summary>
/// <c>clause: {actor: …, action: …, object: …, means: …, form: […], strength: […], negated: bool, passive: bool}</c>
/// — an operative clause (see <see cref="ClauseAnalyzer"/>) whose roles meet the given tests. A role test is
/// <c>present</c>, <c>absent</c>, or a leaf condition (or an <c>any</c> of leaves) with a hit inside that role's
/// words. The hit runs from the actor (or the operative words) through the action verb to the end of the last tested role.
/// </summary>
public sealed class ClauseLeaf : Leaf
{
    /// <summary>A test on one role: present, absent, or the words of that role contain a hit of the leaves.</summary>
    public sealed record RoleTest(ClauseRole Role, bool? Present, IReadOnlyList<Leaf> Leaves)
    {
        public bool Holds(TextSpan span, Func<Leaf, List<Hit>> hitsOf)
        {
            if (Present is { } p) return p != span.IsEmpty;
            if (span.IsEmpty) return false;
            foreach (var leaf in Leaves)
                foreach (var h in hitsOf(leaf))
                    if (h.Start >= span.Start && h.End <= span.End) return true;
            return false;
        }

        public string Key => Present is { } p ? $"{Role}={(p ? "present" : "absent")}" : $"{Role}=[{string.Join("|", Leaves.Select(l => l.Key))}]";
    }

    public static readonly string[] RoleNames = ["actor", "action", "object", "means", "operative"];
    private static readonly string[] Fields = [.. RoleNames, "form", "strength", "negated", "passive"];

    public IReadOnlyList<RoleTest> Roles { get; }
    public IReadOnlySet<ClauseForm>? Forms { get; }
    public IReadOnlySet<Strength>? Strengths { get; }
    public bool? Negated { get; }
    public bool? Passive { get; }

    public ClauseLeaf(IReadOnlyList<RoleTest> roles, IReadOnlySet<ClauseForm>? forms, IReadOnlySet<Strength>? strengths, bool? negated, bool? passive)
    {
        Roles = roles;
        Forms = forms;
        Strengths = strengths;
        Negated = negated;
        Passive = passive;
        var key = new StringBuilder("clause:");
        foreach (var r in roles) key.Append(r.Key).Append(';');
        if (forms is not null) key.Append("form=").Append(string.Join("|", forms.Order())).Append(';');
        if (strengths is not null) key.Append("strength=").Append(string.Join("|", strengths.Order())).Append(';');
        if (negated is { } n) key.Append("negated=").Append(n).Append(';');
        if (passive is { } ps) key.Append("passive=").Append(ps).Append(';');
        Key = key.ToString();
    }

    public override string Key { get; }

    public override IEnumerable<Hit> Find(ProposalAnalysis analysis)
    {
        // Each role leaf is searched once per proposal, not once per clause.
        var cache = new Dictionary<Leaf, List<Hit>>(ReferenceEqualityComparer.Instance);
        List<Hit> HitsOf(Leaf leaf) => cache.TryGetValue(leaf, out var h) ? h : cache[leaf] = leaf.Find(analysis).ToList();
        foreach (var c in analysis.Clauses)
        {
            if (Forms is not null && !Forms.Contains(c.Form)) continue;
            if (Strengths is not null && !Strengths.Contains(c.Strength)) continue;
            if (Negated is { } n && c.Negated != n) continue;
            if (Passive is { } p && c.Passive != p) continue;
            var ok = true;
            // The hit reads as a clause: from the actor (or the operative words) through the action verb to the end of the last tested role.
            int start = c.Actor.IsEmpty || c.ActorInherited ? c.Operative.Start : Math.Min(c.Actor.Start, c.Operative.Start), end = Math.Max(c.Operative.End, c.Action.End);
            foreach (var r in Roles)
            {
                var span = c.RoleSpan(r.Role);
                if (!r.Holds(span, HitsOf)) { ok = false; break; }
                if (span.IsEmpty || r.Role == ClauseRole.Actor && c.ActorInherited) continue; // the finding stays in the clause's sentence
                start = Math.Min(start, span.Start);
                end = Math.Max(end, span.End);
            }
            if (ok) yield return new Hit(start, end, $"{c.Form.ToString().ToLowerInvariant()} clause, strength {c.Strength.ToString().ToLowerInvariant()}");
        }
    }

    /// <summary>Parses and validates the <c>clause</c> mapping; role leaves are parsed by the shared condition parser.</summary>
    internal static readonly ConditionKind Kind = new("clause", "`clause: {actor: {lexicon: named-body}, action: {lexicon: narrow-task}, negated: false}`",
        "an operative clause whose roles pass the tests (see below)", (node, c) => Parse(node, c.Yaml, c.ParseCondition));

    internal static ClauseLeaf Parse(YamlNode node, YamlReader yaml, Func<YamlNode, string, Condition> parse)
    {
        var map = yaml.Mapping(node, "clause");
        yaml.OnlyKeys(map, "clause", Fields);
        if (map.Children.Count == 0) throw yaml.Error(node, "clause", $"'clause' needs at least one of: {string.Join(", ", Fields)}");
        var roles = new List<RoleTest>();
        foreach (var name in RoleNames)
        {
            if (yaml.Get(map, name) is not { } value) continue;
            var role = Enum.Parse<ClauseRole>(name, ignoreCase: true);
            if (value is YamlScalarNode scalar)
            {
                roles.Add(scalar.Value switch
                {
                    "present" => new RoleTest(role, true, []),
                    "absent" => new RoleTest(role, false, []),
                    _ => throw yaml.Error(value, name, $"'{name}' takes present, absent or a leaf condition (e.g. {{lexicon: named-body}}); found '{scalar.Value}'"),
                });
                continue;
            }
            var condition = parse(value, name);
            var leaves = condition switch
            {
                LeafCondition l => [l.Leaf],
                AnyCondition any when any.Items.All(i => i is LeafCondition) => any.Items.Cast<LeafCondition>().Select(l => l.Leaf).ToList(),
                _ => throw yaml.Error(value, name, $"'{name}' must be a leaf condition or an 'any' of leaf conditions"),
            };
            if (leaves.Any(l => !l.WorksInsideClauseRole))
                throw yaml.Error(value, name, $"'{name}' takes pattern or lexicon leaves (entity, similar, count, list and clause are not supported inside a role)");
            roles.Add(new RoleTest(role, null, leaves));
        }
        var forms = yaml.Get(map, "form") is { } f ? EnumSet<ClauseForm>(f, "form", yaml) : null;
        var strengths = yaml.Get(map, "strength") is { } s ? EnumSet<Strength>(s, "strength", yaml) : null;
        bool? negated = yaml.Get(map, "negated") is { } n ? yaml.Bool(n, "negated") : null;
        bool? passive = yaml.Get(map, "passive") is { } p ? yaml.Bool(p, "passive") : null;
        return new ClauseLeaf(roles, forms, strengths, negated, passive);
    }

    private static HashSet<T> EnumSet<T>(YamlNode node, string field, YamlReader yaml) where T : struct, Enum
    {
        var names = node is YamlScalarNode one ? [one] : yaml.Sequence(node, field).Children.ToList();
        if (names.Count == 0) throw yaml.Error(node, field, $"'{field}' needs at least one value");
        var set = new HashSet<T>();
        foreach (var item in names)
        {
            var text = yaml.Scalar(item, field);
            var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
            if (name is null || !Enum.TryParse<T>(name, out var value))
                throw yaml.Error(item, field, $"unknown {field} '{text}'; expected one of: {string.Join(", ", Enum.GetNames<T>().Select(x => x.ToLowerInvariant()))}");
            set.Add(value);
        }
        return set;
    }
}
