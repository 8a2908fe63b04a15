using Wgec.Rules;

namespace Wgec.Engine;

/// <summary>What configuration decides for one document: rule severities (none switches a rule off) and the minimum score.</summary>
public sealed record DocumentOptions
{
    public static readonly DocumentOptions Default = new();

    public Func<RuleDescriptor, Severity>? Severity { get; init; }
    public double? MinScore { get; init; }
}
