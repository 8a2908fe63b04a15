using Wgec.Analysis;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules.Conditions;

/// <summary>
/// One leaf condition kind of the rule language: its YAML key, how it parses and validates its own value, and the
/// row that documents it. Adding a kind is one file (the leaf, with its <c>Kind</c>) plus one line in
/// <see cref="ConditionKinds.Leaves"/>; the parser, its error messages and docs/rule-language.md follow the registry.
/// </summary>
public sealed record ConditionKind(string Name, string Example, string Finds, Func<YamlNode, ParseContext, Leaf> Parse);

/// <summary>What a leaf's parser may use: the YAML reader (for located errors), the lexicons, and the shared parser for nested conditions.</summary>
public sealed class ParseContext
{
    internal ParseContext(YamlReader yaml, IReadOnlyDictionary<string, Lexicon> lexicons, Func<YamlNode, string, Condition> parse, Func<Leaf, Leaf> intern)
    {
        Yaml = yaml;
        Lexicons = lexicons;
        ParseCondition = parse;
        Intern = intern;
    }

    internal YamlReader Yaml { get; }
    public IReadOnlyDictionary<string, Lexicon> Lexicons { get; }
    /// <summary>Parses a nested condition (field = the YAML key, for error messages).</summary>
    public Func<YamlNode, string, Condition> ParseCondition { get; }
    /// <summary>Returns the shared instance of an identical leaf, so rules share its work.</summary>
    public Func<Leaf, Leaf> Intern { get; }
}

/// <summary>The registry of leaf condition kinds, in documentation order.</summary>
public static class ConditionKinds
{
    public static readonly IReadOnlyList<ConditionKind> Leaves =
    [
        PatternLeaf.Kind,
        LexiconLeaf.Kind,
        EntityLeaf.Definition,
        ListLeaf.Kind,
        CountLeaf.Kind,
        SimilarLeaf.Kind,
        ClauseLeaf.Kind,
    ];

    /// <summary>The composite kinds, parsed by the condition parser itself.</summary>
    public static readonly IReadOnlyList<string> Composites = ["all", "any", "not", "near"];

    public static ConditionKind? Find(string name) => Leaves.FirstOrDefault(k => k.Name == name);

    public static IEnumerable<string> AllNames => Leaves.Select(k => k.Name).Concat(Composites);
}
