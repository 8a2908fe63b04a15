using System.Text.RegularExpressions;
using Wgec.Analysis;
using Wgec.Rules.Conditions;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules;

/// <summary>
/// Parses the condition vocabulary (docs/rule-language.md): the leaf kinds of <see cref="ConditionKinds"/>, each
/// parsing its own value, and the composites all, any, not, near. Leaves are interned by key so identical leaves
/// are shared across rules.
/// </summary>
internal sealed class ConditionParser
{
    private readonly YamlReader yaml;
    private readonly Dictionary<string, Leaf> leafPool;
    private readonly ParseContext context;

    public ConditionParser(YamlReader yaml, IReadOnlyDictionary<string, Lexicon> lexicons, Dictionary<string, Leaf> leafPool)
    {
        this.yaml = yaml;
        this.leafPool = leafPool;
        context = new ParseContext(yaml, lexicons, Parse, Intern);
    }

    public Condition Parse(YamlNode node, string field = "condition")
    {
        var map = yaml.Mapping(node, field);
        if (map.Children.Count != 1)
            throw yaml.Error(node, field, $"a condition has exactly one kind ({string.Join(", ", ConditionKinds.AllNames)}); found {map.Children.Count} keys");
        var (keyNode, value) = map.Children.First();
        var kind = yaml.Scalar(keyNode, field);
        var line = YamlReader.Line(keyNode);
        if (ConditionKinds.Find(kind) is { } leafKind) return new LeafCondition(Intern(leafKind.Parse(value, context)), line);
        return kind switch
        {
            "all" => new AllCondition(Items(value, "all"), line),
            "any" => new AnyCondition(Items(value, "any"), line),
            "not" => new NotCondition(Parse(value, "not"), line),
            "near" => ParseNear(value, line),
            _ => throw yaml.Error(keyNode, kind, $"unknown condition kind '{kind}'; expected one of: {string.Join(", ", ConditionKinds.AllNames)}"),
        };
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
