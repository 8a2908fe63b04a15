using Wgec.Analysis;

namespace Wgec.Rules.Conditions;

/// <summary>
/// A leaf condition: finds spans in one proposal. Leaves with the same <see cref="Key"/> are the same leaf,
/// evaluated once per proposal however many rules use them (and share one NRules alpha node).
/// </summary>
public abstract class Leaf
{
    public abstract string Key { get; }
    public abstract IEnumerable<Hit> Find(ProposalAnalysis analysis);

    /// <summary>The recognizer models the leaf needs (only entity leaves need any; they run after the text leaves).</summary>
    public virtual EntityModels RecognizerModels => EntityModels.None;

    /// <summary>True when the leaf compares proposals of a document (it needs the document-level pass and scope: document).</summary>
    public virtual bool NeedsDocument => false;

    /// <summary>True when the leaf can test the words of one clause role (plain text leaves).</summary>
    public virtual bool WorksInsideClauseRole => false;
    public override string ToString() => Key;
}
