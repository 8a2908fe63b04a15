using Wgec.Analysis;
using YamlDotNet.RepresentationModel;

namespace Wgec.Rules.Conditions;

/// <summary><c>entity: kind</c> — a Microsoft.Recognizers.Text entity (number, percentage, ordinal, date, daterange, duration, set, datetime).</summary>
public sealed class EntityLeaf(string kind) : Leaf
{
    public string Kind { get; } = kind;

    internal static readonly ConditionKind Definition = new("entity", "`entity: duration`",
        "a Microsoft.Recognizers.Text entity: `number`, `percentage`, `ordinal`, `date`, `daterange`, `duration`, `set` (recurrence), `datetime`", Parse);

    private static Leaf Parse(YamlNode node, ParseContext c)
    {
        var kind = c.Yaml.Scalar(node, "entity");
        if (!EntityRecognizer.Kinds.Contains(kind))
            throw c.Yaml.Error(node, "entity", $"unknown entity kind '{kind}'; expected one of: {string.Join(", ", EntityRecognizer.Kinds)}");
        return new EntityLeaf(kind);
    }
    public override string Key => "entity:" + Kind;
    public override EntityModels RecognizerModels => EntityRecognizer.ModelsFor(Kind);

    public override IEnumerable<Hit> Find(ProposalAnalysis analysis)
    {
        foreach (var e in analysis.EntitiesOf(Kind)) yield return new Hit(e.Start, e.End, e.Value);
    }
}
