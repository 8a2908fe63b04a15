namespace Wgec.Analysis;

/// <summary>How strongly a clause asks for its action: shall/must &gt; should/will &gt; may/encourage/invite &gt; a statement.</summary>
public enum Strength { None = 0, Weak = 1, Medium = 2, Strong = 3 }

/// <summary>The grammatical form that makes a clause operative.</summary>
public enum ClauseForm
{
    /// <summary>"States should cooperate …", "The group shall report …".</summary>
    Modal,
    /// <summary>"Requests the Secretary-General to report …", "Calls upon Governments to …", "Decides to establish …".</summary>
    Directive,
    /// <summary>"We commit to …", "Members pledge to …".</summary>
    Commitment,
    /// <summary>"… recommend that UNCTAD be mandated to study …", "That ICANN exchange letters …".</summary>
    Subjunctive,
    /// <summary>A bare imperative: "Establish a help desk …".</summary>
    Imperative,
    /// <summary>"Recognizes that …", "Reaffirms …": a statement, no action asked.</summary>
    Declarative,
}

/// <summary>[Start, End) in the proposal text; empty when Start == End.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public static readonly TextSpan None = new(0, 0);
    public bool IsEmpty => End <= Start;
    public bool Contains(int start, int end) => !IsEmpty && start >= Start && end <= End;
}

/// <summary>
/// One operative clause of a sentence: who is to act (<see cref="Actor"/>), the words that make it operative and
/// their strength, negation, the action verb, its object and the means ("through …", "by establishing …").
/// Roles that the text does not state are empty spans.
/// </summary>
public sealed record Clause(
    int Sentence, int Start, int End, ClauseForm Form, Strength Strength, bool Negated, bool Passive,
    TextSpan Actor, TextSpan Operative, TextSpan Action, TextSpan Object, TextSpan Means)
{
    /// <summary>True when the actor was taken from the sentence that leads a list ("The ministry should: - Require …").</summary>
    public bool ActorInherited { get; init; }

    public TextSpan RoleSpan(ClauseRole role) => role switch
    {
        ClauseRole.Actor => Actor,
        ClauseRole.Operative => Operative,
        ClauseRole.Action => Action,
        ClauseRole.Object => Object,
        ClauseRole.Means => Means,
        _ => new TextSpan(Start, End),
    };
}

public enum ClauseRole { Actor, Operative, Action, Object, Means, Clause }
