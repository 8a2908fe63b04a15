using Wgec.Rules;

namespace Wgec.Engine;

/// <summary>
/// Which leaves a proposal's rules can still use, decided while the leaves are evaluated. A compiled rule fires only
/// if every positive atom has a hit, so once one of its atoms comes out empty, the rule is dead for this proposal;
/// a leaf that only dead rules use is not looked for, and its hits are not given to NRules. Exact: a dead rule
/// could not have fired whatever those leaves found.
/// </summary>
internal sealed class LeafDemand
{
    private readonly IReadOnlyList<RuleCompiler.Shape> _shapes;
    private readonly int[][] _shapesOfLeaf;

    public LeafDemand(IReadOnlyList<RuleCompiler.Shape> shapes, int leafCount)
    {
        _shapes = shapes;
        var byLeaf = Enumerable.Range(0, leafCount).Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < shapes.Count; s++)
            foreach (var leaf in shapes[s].Positive.SelectMany(a => a).Concat(shapes[s].Negated).Distinct())
                byLeaf[leaf].Add(s);
        _shapesOfLeaf = byLeaf.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>The evaluation state of one proposal.</summary>
    public Tracker Start() => new(this);

    internal sealed class Tracker(LeafDemand demand)
    {
        private readonly bool[] _known = new bool[demand._shapesOfLeaf.Length];
        private readonly bool[] _empty = new bool[demand._shapesOfLeaf.Length];

        /// <summary>
        /// Records a leaf's hits. A skipped leaf is recorded as empty: that can only kill rules that are dead already
        /// (it was skipped because every rule using it was), so no live rule dies for want of looking.
        /// </summary>
        public void Record(int leaf, int hits)
        {
            _known[leaf] = true;
            _empty[leaf] = hits == 0;
        }

        /// <summary>Whether some rule that uses <paramref name="leaf"/> can still fire.</summary>
        public bool Needed(int leaf)
        {
            foreach (var s in demand._shapesOfLeaf[leaf])
                if (Alive(demand._shapes[s])) return true;
            return false;
        }

        private bool Alive(RuleCompiler.Shape shape)
        {
            foreach (var atom in shape.Positive)
            {
                var empty = true;
                foreach (var leaf in atom)
                    if (!_known[leaf] || !_empty[leaf]) { empty = false; break; }
                if (empty) return false;
            }
            return true;
        }
    }
}
