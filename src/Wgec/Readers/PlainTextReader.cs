using Wgec.Model;

namespace Wgec.Readers;

/// <summary>Plain text: the whole file is one proposal, named after the file.</summary>
public static class PlainTextReader
{
    public static readonly InputFormat Format = new("text", [".txt"]) { Parse = Read };

    public static PolicyDocument Read(SourceText source)
    {
        var id = Path.GetFileNameWithoutExtension(source.Path);
        var p = ProposalFactory.FromLines(source, 0, source.LineCount - 1, id, id, "", "")
                ?? throw new WgecException(source.Path, null, "is empty: there is nothing to check");
        return new PolicyDocument { Path = source.Path, Source = source, Proposals = [p], Format = Format.Name };
    }
}
