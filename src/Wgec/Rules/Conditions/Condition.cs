namespace Wgec.Rules.Conditions;

/// <summary>
/// The condition of a rule, as a tree. Leaves find spans of text; the composite nodes combine them and are
/// compiled into NRules patterns, joins and negations (see <see cref="RuleCompiler"/>).
/// </summary>
public abstract record Condition(int Line);

public sealed record LeafCondition(Leaf Leaf, int Line) : Condition(Line);

public sealed record AllCondition(IReadOnlyList<Condition> Items, int Line) : Condition(Line);

public sealed record AnyCondition(IReadOnlyList<Condition> Items, int Line) : Condition(Line);

public sealed record NotCondition(Condition Item, int Line) : Condition(Line);

/// <summary>Children found within <see cref="Within"/> tokens of each other (in order when <see cref="Ordered"/>).</summary>
public sealed record NearCondition(int Within, bool Ordered, IReadOnlyList<Condition> Items, int Line) : Condition(Line);
