using Wgec.Analysis;
using Wgec.Rules.Conditions;

namespace Wgec.Rules;

/// <summary>The loaded, validated rules with their catalogue and lexicons. Immutable and shared by every check.</summary>
public sealed class RuleSet(
    IReadOnlyList<Characteristic> characteristics,
    IReadOnlyDictionary<string, IReadOnlyList<string>> profiles,
    IReadOnlyList<Tension> tensions,
    IReadOnlyDictionary<string, Lexicon> lexicons,
    IReadOnlyList<RuleDefinition> rules,
    IReadOnlyList<Leaf> leaves)
{
    public IReadOnlyList<Characteristic> Characteristics { get; } = characteristics;
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Profiles { get; } = profiles;
    public IReadOnlyList<Tension> Tensions { get; } = tensions;
    public IReadOnlyDictionary<string, Lexicon> Lexicons { get; } = lexicons;
    public IReadOnlyList<RuleDefinition> Rules { get; } = rules;
    public IReadOnlyList<Leaf> Leaves { get; } = leaves;

    /// <summary>The profile used when neither the command line, wgec.yaml nor the draft names one.</summary>
    public const string DefaultProfile = "core";

    public Characteristic Characteristic(string code) => Characteristics.First(c => c.Code == code);

    public RuleDefinition? Rule(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>The characteristics of a profile, in catalogue order.</summary>
    public IReadOnlyList<Characteristic> ProfileCharacteristics(string profile)
    {
        if (!Profiles.TryGetValue(profile, out var codes))
            throw new ArgumentException($"unknown profile '{profile}'; known profiles: {string.Join(", ", Profiles.Keys)}");
        return Characteristics.Where(c => codes.Contains(c.Code)).ToList();
    }

    /// <summary>A rule set with only some of the rules (e.g. one rule, to run its examples in isolation).</summary>
    public RuleSet Only(IEnumerable<RuleDefinition> subset) =>
        new(Characteristics, Profiles, Tensions, Lexicons, subset.ToList(), Leaves);
}
