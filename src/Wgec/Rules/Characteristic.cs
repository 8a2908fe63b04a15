namespace Wgec.Rules;

public enum CharacteristicKind { Avoid, Include }

/// <summary>One characteristic of the catalogue (shared/spec/characteristics.md), as declared in rules/characteristics.yaml.</summary>
public sealed record Characteristic(
    string Code, string Name, CharacteristicKind Kind, string Sources, double Weight,
    IReadOnlyList<string> Profiles, string Description);

/// <summary>Two characteristics that pull against each other (e.g. GEN and CONC); reported, never hidden.</summary>
public sealed record Tension(string Avoid, string Include, string Reason);
