using System.Linq.Expressions;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using Wgec.Analysis;
using Wgec.Rules.Conditions;

namespace Wgec.Rules;

/// <summary>
/// Compiles declarative rules into one NRules session factory. A condition is first brought to disjunctive
/// normal form; each conjunction becomes one NRules rule named "ID" or "ID/k": every positive leaf becomes a
/// pattern over <see cref="TextMatch"/> facts (alpha test on the leaf id), 'sentence' scope and 'near' become
/// join conditions, and 'not' becomes an NRules negation node.
/// </summary>
public static class RuleCompiler
{
    private const int MaxAlternatives = 256;

    private sealed record Atom(int[] Leaves);

    private sealed record NearLink(int A, int B, int Within, bool Ordered);

    private sealed record Conjunction(List<Atom> Positive, List<NearLink> Nears, List<Conjunction> Negated)
    {
        public static Conjunction Of(Atom atom) => new([atom], [], []);
    }

    public sealed record Compiled(ISessionFactory Factory, IReadOnlyDictionary<string, RuleDefinition> RulesByNrulesName,
        IReadOnlyDictionary<Leaf, int> LeafIds, bool NeedsProposalFact, IReadOnlyList<EntityDemand> EntityDemands,
        IReadOnlyList<Shape> Shapes);

    /// <summary>
    /// What one compiled NRules rule needs: a hit of each positive atom (an atom is a set of leaf ids, any of which
    /// will do); the leaves of its 'not' parts matter only when all of those are present.
    /// </summary>
    public sealed record Shape(IReadOnlyList<int[]> Positive, int[] Negated);

    /// <summary>
    /// When recognizer entities can matter: a conjunction with an entity atom fires only if each partner atom
    /// (the other positive atoms, as leaf-id sets) has a hit — in the same sentence for sentence-scoped rules.
    /// Partners that are themselves entities, or no partners at all, make the models always needed. When 'near'
    /// ties the entity to a partner (<see cref="Anchor"/>, at most <see cref="Within"/> tokens apart), the entity can
    /// only matter around that partner's hits, so the recognizers read only there.
    /// </summary>
    public sealed record EntityDemand(EntityModels Models, IReadOnlyList<int[]> Partners, bool SameSentence, bool Always,
        int[]? Anchor = null, int Within = 0);

    public static Compiled Compile(IEnumerable<RuleDefinition> rules)
    {
        var leafIds = new Dictionary<Leaf, int>(ReferenceEqualityComparer.Instance);
        var definitions = new List<IRuleDefinition>();
        var byName = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        var needsProposal = false;
        var expanded = new List<(RuleDefinition Rule, Conjunction Conjunction)>();
        foreach (var rule in rules)
        {
            try
            {
                var conjunctions = Expand(rule.Condition, leafIds);
                expanded.AddRange(conjunctions.Select(c => (rule, c)));
                for (var k = 0; k < conjunctions.Count; k++)
                {
                    var name = conjunctions.Count == 1 ? rule.Id : $"{rule.Id}/{k + 1}";
                    needsProposal |= conjunctions[k].Positive.Count == 0;
                    definitions.Add(Build(name, rule, conjunctions[k]));
                    byName[name] = rule;
                }
            }
            catch (RuleShapeException e)
            {
                // A condition the compiler cannot build is a mistake in the user's rule file, never a crash.
                throw new Model.WgecException(rule.SourcePath ?? rule.File, e.Line, e.Message, "not");
            }
        }
        var leafById = leafIds.ToDictionary(kv => kv.Value, kv => kv.Key);
        var demands = expanded.SelectMany(x => Demands(x.Conjunction, leafById, x.Rule.Scope == RuleScope.Sentence)).ToList();
        var shapes = expanded.Select(x => new Shape(x.Conjunction.Positive.Select(a => a.Leaves).ToList(),
            x.Conjunction.Negated.SelectMany(n => n.Positive).SelectMany(a => a.Leaves).Distinct().Order().ToArray())).ToList();
        var factory = new NRules.RuleCompiler().Compile(definitions);
        return new Compiled(factory, byName, leafIds, needsProposal, demands, shapes);
    }

    /// <summary>
    /// Checks, when a rule file is loaded, that its condition can be compiled: no 'not' inside 'not', no 'not' that
    /// only repeats the rule's own positive conditions. Every command sees the same error, with file and line.
    /// </summary>
    public static void CheckShape(RuleDefinition rule)
    {
        try
        {
            foreach (var c in Expand(rule.Condition, new Dictionary<Leaf, int>(ReferenceEqualityComparer.Instance)))
                foreach (var negated in c.Negated)
                    if (negated.Positive.Count == 0 || negated.Positive.All(a => c.Positive.Any(p => p.Leaves.SequenceEqual(a.Leaves))))
                        throw new RuleShapeException(rule.Condition.Line, "a 'not' that only repeats the rule's own positive conditions can never hold; give it a condition of its own");
        }
        catch (RuleShapeException e)
        {
            throw new Model.WgecException(rule.SourcePath ?? rule.File, e.Line, e.Message, "not");
        }
    }

    private static IEnumerable<EntityDemand> Demands(Conjunction c, Dictionary<int, Leaf> leaves, bool sameSentence)
    {
        EntityModels ModelsOf(Atom a) => a.Leaves.Aggregate(EntityModels.None, (m, id) => m | leaves[id].RecognizerModels);
        for (var i = 0; i < c.Positive.Count; i++)
        {
            var models = ModelsOf(c.Positive[i]);
            if (models == EntityModels.None) continue;
            var partners = c.Positive.Where((_, j) => j != i).ToList();
            var always = partners.Count == 0 || partners.Any(p => ModelsOf(p) != EntityModels.None);
            var anchor = c.Nears.Where(l => l.A == i || l.B == i)
                .Select(l => (Other: c.Positive[l.A == i ? l.B : l.A], l.Within))
                .Where(l => ModelsOf(l.Other) == EntityModels.None)
                .OrderBy(l => l.Within).FirstOrDefault();
            yield return new EntityDemand(models, partners.Select(p => p.Leaves).ToList(), sameSentence, always,
                anchor.Other?.Leaves, anchor.Within);
        }
        // An entity that only a 'not' asks for ("… and no date") matters wherever the positive part can hold: it
        // must be looked for there, or the 'not' would hold for want of looking.
        foreach (var negated in c.Negated)
            foreach (var atom in negated.Positive.Where(a => !c.Positive.Any(p => p.Leaves.SequenceEqual(a.Leaves))))
            {
                var models = ModelsOf(atom);
                if (models == EntityModels.None) continue;
                var always = c.Positive.Count == 0 || c.Positive.Any(p => ModelsOf(p) != EntityModels.None);
                yield return new EntityDemand(models, c.Positive.Select(p => p.Leaves).ToList(), sameSentence, always);
            }
    }

    private static List<Conjunction> Expand(Condition condition, Dictionary<Leaf, int> ids)
    {
        switch (condition)
        {
            case LeafCondition leaf:
                return [Conjunction.Of(new Atom([Id(leaf.Leaf, ids)]))];
            case AnyCondition any when any.Items.All(i => i is LeafCondition):
                return [Conjunction.Of(AtomOf(any, ids))];
            case AnyCondition any:
                return any.Items.SelectMany(i => Expand(i, ids)).ToList();
            case AllCondition all:
                var product = new List<Conjunction> { new([], [], []) };
                foreach (var item in all.Items)
                {
                    var options = Expand(item, ids);
                    // Each 'any' inside 'all' multiplies the alternatives; an untrusted rule must not expand without bound.
                    if ((long)product.Count * options.Count > MaxAlternatives)
                        throw new RuleShapeException(all.Line, $"the condition expands to more than {MaxAlternatives} alternatives (an 'all' of many 'any's); simplify it");
                    product = product.SelectMany(p => options.Select(o => Merge(p, o))).ToList();
                }
                return product;
            case NotCondition not:
                var inner = Expand(not.Item, ids);
                if (inner.Any(c => c.Negated.Count > 0))
                    throw new RuleShapeException(not.Line, "'not' inside 'not' is not supported; say what must be present with 'all' and what must be absent with one 'not'");
                return [new Conjunction([], [], inner)];
            case NearCondition near:
                var atoms = near.Items.Select(i => i is LeafCondition l ? new Atom([Id(l.Leaf, ids)]) : AtomOf((AnyCondition)i, ids)).ToList();
                var links = Enumerable.Range(0, atoms.Count - 1).Select(i => new NearLink(i, i + 1, near.Within, near.Ordered)).ToList();
                return [new Conjunction(atoms, links, [])];
            default:
                throw new RuleShapeException(condition.Line, $"unsupported condition {condition.GetType().Name}");
        }
    }

    private static Atom AtomOf(AnyCondition any, Dictionary<Leaf, int> ids) =>
        new(any.Items.Cast<LeafCondition>().Select(l => Id(l.Leaf, ids)).Distinct().Order().ToArray());

    private static int Id(Leaf leaf, Dictionary<Leaf, int> ids)
    {
        if (!ids.TryGetValue(leaf, out var id)) ids[leaf] = id = ids.Count;
        return id;
    }

    private static Conjunction Merge(Conjunction a, Conjunction b)
    {
        var offset = a.Positive.Count;
        return new Conjunction(
            [.. a.Positive, .. b.Positive],
            [.. a.Nears, .. b.Nears.Select(n => n with { A = n.A + offset, B = n.B + offset })],
            [.. a.Negated, .. b.Negated]);
    }

    private static IRuleDefinition Build(string name, RuleDefinition rule, Conjunction conjunction)
    {
        var elements = new List<RuleElement>();
        var parameters = new Dictionary<string, ParameterExpression>(StringComparer.Ordinal);
        ParameterExpression Param(string n) => parameters.TryGetValue(n, out var p) ? p : parameters[n] = Expression.Parameter(typeof(TextMatch), n);
        var sentenceScope = rule.Scope == RuleScope.Sentence;

        if (conjunction.Positive.Count == 0)
            elements.Add(Element.Pattern(typeof(ProposalFact), "proposal", Array.Empty<NamedExpressionElement>(), null));

        for (var i = 0; i < conjunction.Positive.Count; i++)
        {
            var self = Param($"m{i}");
            var conditions = new List<LambdaExpression> { Expression.Lambda(LeafTest(self, conjunction.Positive[i]), self) };
            if (sentenceScope && i > 0) conditions.Add(SameSentence(self, Param("m0")));
            foreach (var link in conjunction.Nears.Where(l => l.B == i))
                conditions.Add(NearTest(Param($"m{link.A}"), self, link));
            foreach (var link in conjunction.Nears.Where(l => l.A == i && l.B < i))
                conditions.Add(NearTest(self, Param($"m{link.B}"), link));
            elements.Add(Element.Pattern(typeof(TextMatch), self.Name!, conditions.Select(Element.Condition), null));
        }

        for (var n = 0; n < conjunction.Negated.Count; n++)
        {
            var negated = conjunction.Negated[n];
            var patterns = new List<RuleElement>();
            var names = new string[negated.Positive.Count];
            for (var i = 0; i < negated.Positive.Count; i++)
            {
                // An atom of the negation that repeats a positive atom means "that same match" (unification).
                var bound = conjunction.Positive.FindIndex(p => p.Leaves.SequenceEqual(negated.Positive[i].Leaves));
                names[i] = bound >= 0 ? $"m{bound}" : $"n{n}_{i}";
            }
            for (var i = 0; i < negated.Positive.Count; i++)
            {
                if (names[i].StartsWith('m')) continue;
                var self = Param(names[i]);
                var conditions = new List<LambdaExpression> { Expression.Lambda(LeafTest(self, negated.Positive[i]), self) };
                if (sentenceScope && conjunction.Positive.Count > 0) conditions.Add(SameSentence(self, Param("m0")));
                foreach (var link in negated.Nears.Where(l => l.A == i || l.B == i))
                {
                    var other = link.A == i ? link.B : link.A;
                    if (!names[other].StartsWith('m') && other > i) continue; // added when the later pattern is built
                    var a = Param(names[link.A]);
                    var b = Param(names[link.B]);
                    conditions.Add(NearTest(a, b, link));
                }
                patterns.Add(Element.Pattern(typeof(TextMatch), self.Name!, conditions.Select(Element.Condition), null));
            }
            if (patterns.Count == 0)
                throw new RuleShapeException(rule.Condition.Line, "a 'not' that only repeats the rule's own positive conditions can never hold; give it a condition of its own");
            elements.Add(Element.Not(patterns.Count == 1 ? patterns[0] : Element.AndGroup(patterns)));
        }

        Expression<Action<IContext>> action = ctx => RuleRuntime.Record(ctx);
        return Element.RuleDefinition(name, rule.Title, 0, [rule.Characteristic, rule.PolarityName],
            Element.AndGroup(elements), Element.ActionGroup(Element.Action(action)));
    }

    private static Expression LeafTest(ParameterExpression m, Atom atom)
    {
        var leaf = Expression.Property(m, nameof(TextMatch.Leaf));
        return atom.Leaves.Select(id => (Expression)Expression.Equal(leaf, Expression.Constant(id)))
            .Aggregate(Expression.OrElse);
    }

    private static LambdaExpression SameSentence(ParameterExpression self, ParameterExpression first) =>
        Expression.Lambda(Expression.Equal(Expression.Property(self, nameof(TextMatch.Sentence)), Expression.Property(first, nameof(TextMatch.Sentence))), self, first);

    private static LambdaExpression NearTest(ParameterExpression a, ParameterExpression b, NearLink link) =>
        Expression.Lambda(Expression.Call(typeof(RuleRuntime).GetMethod(nameof(RuleRuntime.Near))!, a, b,
            Expression.Constant(link.Within), Expression.Constant(link.Ordered)), a, b);
}

/// <summary>A condition that parses but cannot be compiled; reported against the rule file by <see cref="RuleCompiler"/>.</summary>
internal sealed class RuleShapeException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
