using System.Text.RegularExpressions;
using Wgec.Analysis;
using Wgec.Rules.Conditions;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules;

/// <summary>
/// Parses the condition vocabulary (docs/rule-language.md): pattern, lexicon, entity, list, count, similar, clause,
/// all, any, not, near. Leaves are interned by key so identical leaves are shared across rules.
/// </summary>
internal sealed class ConditionParser(YamlReader yaml, IReadOnlyDictionary<string, Lexicon> lexicons, Dictionary<string, Leaf> leafPool)
{
    private static readonly string[] Kinds = ["pattern", "lexicon", "entity", "list", "count", "similar", "clause", "all", "any", "not", "near"];

    public Condition Parse(YamlNode node, string field = "condition")
    {
        var map = yaml.Mapping(node, field);
        if (map.Children.Count != 1)
            throw yaml.Error(node, field, $"a condition has exactly one kind ({string.Join(", ", Kinds)}); found {map.Children.Count} keys");
        var (keyNode, value) = map.Children.First();
        var kind = yaml.Scalar(keyNode, field);
        var line = YamlReader.Line(keyNode);
        return kind switch
        {
            "pattern" => Leaf(ParsePattern(value), line),
            "lexicon" => Leaf(ParseLexicon(value), line),
            "entity" => Leaf(ParseEntity(value), line),
            "list" => Leaf(ParseList(value), line),
            "count" => Leaf(ParseCount(value), line),
            "similar" => Leaf(ParseSimilar(value), line),
            "clause" => Leaf(ClauseLeaf.Parse(value, yaml, Parse), line),
            "all" => new AllCondition(Items(value, "all"), line),
            "any" => new AnyCondition(Items(value, "any"), line),
            "not" => new NotCondition(Parse(value, "not"), line),
            "near" => ParseNear(value, line),
            _ => throw yaml.Error(keyNode, kind, $"unknown condition kind '{kind}'; expected one of: {string.Join(", ", Kinds)}"),
        };
    }

    private LeafCondition Leaf(Leaf leaf, int line)
    {
        if (!leafPool.TryGetValue(leaf.Key, out var shared)) leafPool[leaf.Key] = shared = leaf;
        return new LeafCondition(shared, line);
    }

    private Leaf Intern(Leaf leaf)
    {
        if (!leafPool.TryGetValue(leaf.Key, out var shared)) leafPool[leaf.Key] = shared = leaf;
        return shared;
    }

    private List<Condition> Items(YamlNode node, string field)
    {
        var seq = yaml.Sequence(node, field);
        if (seq.Children.Count == 0) throw yaml.Error(node, field, $"'{field}' needs at least one condition");
        return seq.Children.Select(c => Parse(c, field)).ToList();
    }

    private Leaf ParsePattern(YamlNode node)
    {
        var text = yaml.Scalar(node, "pattern");
        try
        {
            // Shared Regex instances let NRules share work between rules; IgnoreCase unless the pattern opts out.
            return new PatternLeaf(new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        }
        catch (ArgumentException e)
        {
            throw yaml.Error(node, "pattern", $"regular expression does not compile: {e.Message}");
        }
    }

    private Leaf ParseLexicon(YamlNode node)
    {
        var name = yaml.Scalar(node, "lexicon");
        if (!lexicons.TryGetValue(name, out var lexicon))
            throw yaml.Error(node, "lexicon", $"unknown lexicon class '{name}'; known classes are in rules/lexicons (e.g. {string.Join(", ", lexicons.Keys.Order(StringComparer.Ordinal).Take(5))}, …)");
        return new LexiconLeaf(lexicon);
    }

    private Leaf ParseEntity(YamlNode node)
    {
        var kind = yaml.Scalar(node, "entity");
        if (!EntityRecognizer.Kinds.Contains(kind))
            throw yaml.Error(node, "entity", $"unknown entity kind '{kind}'; expected one of: {string.Join(", ", EntityRecognizer.Kinds)}");
        return new EntityLeaf(kind);
    }

    private Leaf ParseList(YamlNode node)
    {
        var map = yaml.Mapping(node, "list");
        yaml.OnlyKeys(map, "list", "min-items", "max-mean-words");
        var min = yaml.Get(map, "min-items") is { } m ? yaml.Int(m, "min-items", 2, 1000) : 5;
        var max = yaml.Get(map, "max-mean-words") is { } w ? yaml.Number(w, "max-mean-words", 1, 1000) : 12;
        return new ListLeaf(min, max);
    }

    private Leaf ParseCount(YamlNode node)
    {
        var map = yaml.Mapping(node, "count");
        yaml.OnlyKeys(map, "count", "min", "distinct", "of");
        var minNode = yaml.Get(map, "min") ?? throw yaml.Error(node, "count", "'count' needs 'min'");
        var ofNode = yaml.Get(map, "of") ?? throw yaml.Error(node, "count", "'count' needs 'of' (a leaf condition)");
        var inner = Parse(ofNode, "of") as LeafCondition
                    ?? throw yaml.Error(ofNode, "of", "'count.of' must be a leaf condition (pattern, lexicon or entity)");
        var distinct = yaml.Get(map, "distinct") is { } d && yaml.Bool(d, "distinct");
        return new CountLeaf(Intern(inner.Leaf), yaml.Int(minNode, "min", 1, 1000), distinct);
    }

    private Leaf ParseSimilar(YamlNode node)
    {
        var map = yaml.Mapping(node, "similar");
        yaml.OnlyKeys(map, "similar", "min-containment", "min-words");
        var min = yaml.Get(map, "min-containment") is { } m ? yaml.Number(m, "min-containment", 0.05, 1) : 0.6;
        var words = yaml.Get(map, "min-words") is { } w ? yaml.Int(w, "min-words", 3, 10000) : 8;
        return new SimilarLeaf(min, words);
    }

    private NearCondition ParseNear(YamlNode node, int line)
    {
        var map = yaml.Mapping(node, "near");
        yaml.OnlyKeys(map, "near", "within", "ordered", "of");
        var within = yaml.Get(map, "within") is { } w ? yaml.Int(w, "within", 0, 1000) : 5;
        var ordered = yaml.Get(map, "ordered") is { } o && yaml.Bool(o, "ordered");
        var ofNode = yaml.Get(map, "of") ?? throw yaml.Error(node, "near", "'near' needs 'of' (a list of two or more conditions)");
        var items = Items(ofNode, "of");
        if (items.Count < 2) throw yaml.Error(ofNode, "of", "'near.of' needs two or more conditions");
        foreach (var item in items)
        {
            var ok = item is LeafCondition || (item is AnyCondition any && any.Items.All(i => i is LeafCondition));
            if (!ok) throw yaml.Error(ofNode, "of", "each item of 'near.of' must be a leaf condition or an 'any' of leaf conditions");
        }
        return new NearCondition(within, ordered, items, line);
    }
}
