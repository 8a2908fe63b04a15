namespace Wgec.Analysis;

/// <summary>
/// A shallow, deterministic clause analysis of recommendation English: per sentence it finds the operative
/// clauses (a modal, a directive verb of resolutions, a commitment, a subjunctive "that X be/do", a bare
/// imperative) and, for each, the actor, the strength, negation, the action verb, its object and the means.
/// One left-to-right pass over the tokens with bounded look-back: linear in the sentence length. The word
/// lists are closed classes of English (modals, particles, prepositions) and the operative verbs of
/// drafting; what a rule cares about (which actors, which actions) stays in the rules' lexicons.
/// </summary>
public static class ClauseAnalyzer
{
    private const int MaxActorTokens = 24;

    private static readonly Dictionary<string, Strength> Modals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["shall"] = Strength.Strong, ["must"] = Strength.Strong,
        ["should"] = Strength.Medium, ["will"] = Strength.Medium, ["ought"] = Strength.Medium,
        ["may"] = Strength.Weak, ["might"] = Strength.Weak, ["can"] = Strength.Weak, ["could"] = Strength.Weak,
        ["would"] = Strength.Weak, ["cannot"] = Strength.Weak,
    };

    /// <summary>"is/are … to": the participle says how strongly ("are required to" binds, "are invited to" does not).</summary>
    private static readonly Dictionary<string, Strength> PassiveDirectives = new(StringComparer.OrdinalIgnoreCase)
    {
        ["required"] = Strength.Strong, ["obliged"] = Strength.Strong, ["obligated"] = Strength.Strong,
        ["bound"] = Strength.Strong, ["mandated"] = Strength.Medium, ["requested"] = Strength.Medium,
        ["asked"] = Strength.Medium, ["tasked"] = Strength.Medium, ["instructed"] = Strength.Medium,
        ["directed"] = Strength.Medium, ["urged"] = Strength.Medium, ["called"] = Strength.Medium,
        ["expected"] = Strength.Medium, ["encouraged"] = Strength.Weak, ["invited"] = Strength.Weak,
        ["welcome"] = Strength.Weak, ["free"] = Strength.Weak,
    };

    private static readonly Dictionary<string, Strength> DirectiveVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["requests"] = Strength.Medium, ["request"] = Strength.Medium, ["calls"] = Strength.Medium, ["call"] = Strength.Medium,
        ["urges"] = Strength.Medium, ["urge"] = Strength.Medium, ["decides"] = Strength.Medium, ["decide"] = Strength.Medium,
        ["demands"] = Strength.Strong, ["directs"] = Strength.Medium, ["instructs"] = Strength.Medium,
        ["mandates"] = Strength.Medium, ["tasks"] = Strength.Medium, ["task"] = Strength.Medium, ["mandate"] = Strength.Medium, ["asks"] = Strength.Medium, ["ask"] = Strength.Medium,
        ["recommends"] = Strength.Medium, ["recommend"] = Strength.Medium, ["authorizes"] = Strength.Medium,
        ["authorises"] = Strength.Medium, ["appeals"] = Strength.Medium, ["exhorts"] = Strength.Medium,
        ["resolves"] = Strength.Medium, ["agrees"] = Strength.Medium, ["proposes"] = Strength.Medium, ["propose"] = Strength.Medium,
        ["encourages"] = Strength.Weak, ["encourage"] = Strength.Weak, ["invites"] = Strength.Weak, ["invite"] = Strength.Weak,
        ["suggests"] = Strength.Weak, ["suggest"] = Strength.Weak, ["welcomes"] = Strength.None, ["supports"] = Strength.Weak,
    };

    private static readonly HashSet<string> CommitmentVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "commit", "commits", "pledge", "pledges", "undertake", "undertakes", "resolve", "agree", "intend", "intends",
        "aim", "aims", "strive", "endeavour", "endeavor", "seek", "seeks", "determined",
    };

    private static readonly HashSet<string> DeclarativeVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "recognizes", "recognises", "recognize", "recognise", "reaffirms", "reaffirm", "notes", "note", "stresses", "stress",
        "underlines", "underline", "underscores", "underscore", "emphasizes", "emphasises", "emphasize", "emphasise",
        "acknowledges", "acknowledge", "affirms", "affirm", "expresses", "express", "reiterates", "reiterate",
        "recalls", "recall", "considers", "believes", "believe", "highlights", "highlight", "welcome", "takes", "declares",
        "declare", "observes", "concludes", "finds",
    };

    /// <summary>Words that open an adverbial or prepositional introduction, not a subject.</summary>
    private static readonly HashSet<string> IntroWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "to", "for", "with", "where", "when", "while", "as", "by", "on", "through", "under", "within",
        "furthermore", "moreover", "also", "finally", "accordingly", "therefore", "thus", "consequently", "likewise",
        "similarly", "meanwhile", "given", "after", "before", "from", "during", "once", "if", "until", "without",
        "beyond", "over", "since", "upon", "following", "first", "second", "third", "lastly", "further", "additionally",
    };

    /// <summary>Words at which the look-back for an actor stops: a subordinate or relative clause begins there.</summary>
    private static readonly HashSet<string> Subordinators = new(StringComparer.OrdinalIgnoreCase)
    {
        "that", "which", "who", "whom", "whose", "where", "when", "whereby", "if", "unless", "because", "so", "whether",
        "although", "though", "while", "whereas", "once", "until", "than", "how", "why", "what",
    };

    /// <summary>Words between the modal and the action verb that carry no action of their own.</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "also", "further", "jointly", "collectively", "together", "always", "still", "therefore", "then", "first",
        "actively", "urgently", "immediately", "promptly", "to", "both", "each", "all", "only", "as", "appropriate",
        "where", "possible", "thereafter", "henceforth", "now", "soon", "moreover", "in", "particular", "however",
        "better", "more", "fully", "effectively",
    };

    /// <summary>Verbs that only lead to the real action: "continue to/continue developing", "seek to", "be able to".</summary>
    private static readonly HashSet<string> ChainVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "continue", "continues", "seek", "strive", "endeavour", "endeavor", "work", "aim", "try", "consider", "be", "able",
        "begin", "start", "undertake", "help",
    };

    private static bool IsChainVerb(string word, string next) =>
        ChainVerbs.Contains(word) && (next.Equals("to", StringComparison.OrdinalIgnoreCase)
                                      || next.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && next.Length > 5
                                      || word.Equals("be", StringComparison.OrdinalIgnoreCase) && next.Equals("able", StringComparison.OrdinalIgnoreCase));

    private static readonly HashSet<string> Negators = new(StringComparer.OrdinalIgnoreCase) { "not", "never", "no", "neither", "nor", "cannot" };

    private static readonly HashSet<string> Coordinators = new(StringComparer.OrdinalIgnoreCase) { "and", "or", "but", "nor" };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "political", "good",
        "free", "own", "strong", "common", "in", "of", "by", "since", "last", "next", "early", "late", "mid", "until",
    };

    /// <summary>Base-form verbs that open a bare imperative or follow a subjunctive "that X".</summary>
    private static readonly HashSet<string> BaseVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "adopt", "allow", "amend", "apply", "assess", "assist", "avoid", "be", "build", "bring", "coordinate", "collect", "conclude",
        "conduct", "consider", "continue", "convene", "cooperate", "create", "define", "delegate", "deliver", "deploy",
        "design", "develop", "enable", "encourage", "engage", "enhance", "ensure", "establish", "evaluate", "exchange",
        "expand", "explore", "facilitate", "foster", "fund", "give", "guarantee", "harmonise", "harmonize", "help",
        "hold", "identify", "implement", "improve", "include", "increase", "integrate", "introduce", "invest",
        "involve", "issue", "launch", "lead", "make", "map", "monitor", "negotiate", "offer", "open", "organise",
        "organize", "participate", "prepare", "prioritise", "prioritize", "produce", "promote", "protect", "provide",
        "publish", "pursue", "raise", "recognise", "recognize", "reduce", "refrain", "reform", "reinforce", "remove",
        "replace", "report", "require", "respect", "review", "revise", "set", "share", "simplify", "strengthen",
        "study", "submit", "support", "take", "transfer", "undertake", "update", "use", "work", "withdraw", "extend",
        "maintain", "mandate", "modify", "task", "invite", "request", "keep", "treat", "accept", "agree", "align",
        "designate", "enact", "end", "lift", "limit", "phase", "oblige", "prohibit", "ban", "restrict", "seek",
        "appoint", "compile", "draft", "elect", "form", "host", "join", "move", "place", "put", "reach", "refer",
        "abolish", "address", "adapt", "advance", "assign", "commission", "complete", "connect", "cover",
        "devote", "document", "double", "grant", "incorporate", "inform", "measure", "mobilise", "mobilize", "pool",
        "proceed", "recommend", "reconsider", "record", "redouble", "renew", "scale", "secure", "sign", "speed",
        "stop", "streamline", "subject", "train", "upgrade", "welcome", "examine", "analyse", "analyze", "begin",
        "start", "post", "exercise", "transmit", "present", "ratify", "accede", "discuss",
        "obtain", "acquire", "announce", "award", "waive", "lower", "investigate", "empower", "frame",
    };

    private static readonly HashSet<string> IrregularParticiples = new(StringComparer.OrdinalIgnoreCase)
    {
        "held", "made", "given", "taken", "set", "put", "kept", "built", "run", "done", "brought", "sent", "shown",
        "known", "seen", "drawn", "chosen", "led", "met", "paid", "sought", "spent", "undertaken", "written", "read",
        "bound", "found", "laid", "left", "meant", "told", "won", "broken", "cut", "shut", "spread", "borne",
        "spoken", "hidden", "proven", "withdrawn", "thrown", "grown", "overtaken", "forbidden", "frozen", "stolen",
        "forgotten", "driven", "ridden", "risen", "fallen", "beaten", "sworn", "torn", "worn", "woven", "been",
    };

    /// <summary>All operative clauses of the proposal, in text order.</summary>
    public static List<Clause> Analyse(string text, Token[] tokens, Sentence[] sentences)
    {
        var clauses = new List<Clause>();
        Clause? lead = null;
        foreach (var s in sentences)
        {
            var before = clauses.Count;
            AnalyseSentence(text, tokens, s, clauses, lead);
            // "The ministry should: - Require …; - Promote …": a clause with no action before a colon leads the items.
            var last = clauses.Count > before ? clauses[^1] : null;
            var sentenceEnd = Math.Min(text.Length, s.End + 1);
            if (last is not null && last.Form != ClauseForm.Imperative && text.AsSpan(Math.Max(0, sentenceEnd - 3), sentenceEnd - Math.Max(0, sentenceEnd - 3)).Contains(':')) lead = last;
            else if (!StartsListItem(text, s.Start) || clauses.Count > before && clauses[before].Form != ClauseForm.Imperative) lead = null;
        }
        return clauses;
    }

    private readonly record struct Trigger(int Token, int Next, ClauseForm Form, Strength Strength);

    private static void AnalyseSentence(string text, Token[] tokens, Sentence s, List<Clause> clauses, Clause? lead)
    {
        if (s.LastToken < s.FirstToken || s.FirstToken >= tokens.Length) return;
        var first = s.FirstToken;
        var last = Math.Min(s.LastToken, tokens.Length - 1);
        // A list marker ("1.", "(a)", "iv)") is not a word of the item.
        if (first < last && IsListMarker(text, tokens[first])) first++;
        // Each word is cut out of the text once per sentence: the look-ups below read them many times.
        var words = new string[last - first + 1];
        for (var i = first; i <= last; i++) words[i - first] = text[tokens[i].Start..tokens[i].End];
        string W(int i) => i >= first && i <= last ? words[i - first] : "";
        // Punctuation between token i-1 and token i.
        string Gap(int i) => i > first && i <= last ? text[tokens[i - 1].End..tokens[i].Start] : "";
        bool HardBreak(int i) => Gap(i).IndexOfAny([';', ':']) >= 0;
        bool ClauseStart(int i)
        {
            if (i == first || HardBreak(i)) return true;
            // "…; and further requests …", "… and also invites …"
            var j = i - 1;
            while (j >= first && W(j).ToLowerInvariant() is "also" or "further" or "strongly" or "again" or "once" or "hereby" or "therefore") j--;
            if (j >= first && Coordinators.Contains(W(j)) && (j == first || Gap(j).Contains(',') || HardBreak(j))) return true;
            return j < first || HardBreak(j + 1);
        }

        var triggers = new List<Trigger>();
        for (var i = first; i <= last; i++)
        {
            var w = W(i);
            var lower = w.ToLowerInvariant();
            // "The ministry should:" leads a list; elsewhere a modal needs a word after it.
            var leadsList = i == last && text.AsSpan(tokens[i].End).TrimStart(' ').StartsWith(":");
            if (Modals.TryGetValue(w, out var modal) && (IsModalUse(lower, W(i - 1), W(i + 1)) || leadsList && !Determiners.Contains(W(i - 1))))
            {
                // "ought to": the particle belongs to the modal.
                var next = lower == "ought" && W(i + 1).Equals("to", StringComparison.OrdinalIgnoreCase) ? i + 2 : i + 1;
                triggers.Add(new Trigger(i, next, ClauseForm.Modal, modal));
            }
            else if (lower is "is" or "are" && PassiveDirectives.TryGetValue(W(i + 1), out var pd) && W(i + 2) is "to" or "upon" or "on")
            {
                var next = W(i + 2) is "upon" or "on" ? i + 4 : i + 3; // "are called upon to"
                if (W(i + 2) is "upon" or "on" && !W(i + 3).Equals("to", StringComparison.OrdinalIgnoreCase)) continue;
                triggers.Add(new Trigger(i, next, ClauseForm.Modal, pd));
            }
            else if (lower is "is" or "are" or "has" or "have" or "need" or "needs" && W(i + 1).Equals("to", StringComparison.OrdinalIgnoreCase)
                     && i > first && !Determiners.Contains(W(i - 1)))
            {
                triggers.Add(new Trigger(i, i + 2, ClauseForm.Modal, lower is "has" or "have" ? Strength.Strong : Strength.Medium));
            }
            else if ((ClauseStart(i) || IsSpeaker(W(i - 1)) || IsSpeaker(W(first)) && Coordinators.Contains(W(i - 1))) && DirectiveVerbs.TryGetValue(w, out var dv) && char.IsUpper(w[0]) | i > first)
            {
                var spoken = IsSpeaker(W(i - 1)) || IsSpeaker(W(first)) && Coordinators.Contains(W(i - 1));
                if (IsDirectiveUse(lower, W(i + 1), ClauseStart(i) || spoken))
                    triggers.Add(new Trigger(i, W(i + 1).ToLowerInvariant() is "upon" or "on" ? i + 2 : i + 1, ClauseForm.Directive, dv));
            }
            else if (CommitmentVerbs.Contains(w) && W(i + 1).Equals("to", StringComparison.OrdinalIgnoreCase) && i > first
                     && IsSubjectBefore(W(i - 1)))
            {
                triggers.Add(new Trigger(i, i + 2, ClauseForm.Commitment, Strength.Medium));
            }
            else if (lower == "that" && (i == first || IsThatOfRecommendation(W(i - 1))))
            {
                triggers.Add(new Trigger(i, i + 1, ClauseForm.Subjunctive, Strength.Medium));
            }
            else if (i == first && BaseVerbs.Contains(w) && char.IsUpper(w[0]) && !Modals.ContainsKey(W(i + 1)))
            {
                triggers.Add(new Trigger(i, i, ClauseForm.Imperative, Strength.Medium));
            }
            else if (i == first + 1 && IsAdverb(W(first)) && char.IsUpper(W(first)[0]) && BaseVerbs.Contains(w))
            {
                triggers.Add(new Trigger(i, i, ClauseForm.Imperative, Strength.Medium)); // "Contractually oblige …"
            }
            else if (DeclarativeVerbs.Contains(w) && (char.IsUpper(w[0]) && i == first || IsSpeaker(W(i - 1)) && i == first + 1))
            {
                triggers.Add(new Trigger(i, i + 1, ClauseForm.Declarative, Strength.None));
            }
        }

        TextSpan previousActor = TextSpan.None;
        for (var k = 0; k < triggers.Count; k++)
        {
            var t = triggers[k];
            var limit = k + 1 < triggers.Count ? triggers[k + 1].Token - 1 : last; // the next trigger ends this clause
            var clauseEnd = limit;
            for (var j = t.Next; j <= limit; j++)
                if (HardBreak(j)) { clauseEnd = j - 1; break; }
            var floor = k > 0 ? triggers[k - 1].Token + 1 : first;

            TextSpan actor = TextSpan.None;
            var negated = false;
            var passive = false;
            var cursor = t.Next;
            var strength = t.Strength;
            var subjunctiveVerb = t.Token;
            var noAction = false;
            switch (t.Form)
            {
                case ClauseForm.Modal:
                case ClauseForm.Commitment:
                    actor = ActorBefore(t.Token, floor, first, W, Gap, HardBreak, tokens, previousActor);
                    break;
                case ClauseForm.Subjunctive:
                {
                    // "that UNCTAD be mandated to study": the actor runs up to the verb.
                    var subject = t.Next;
                    if (Gap(subject).Contains(','))
                        for (var j = subject + 1; j <= clauseEnd && j - subject < MaxActorTokens; j++)
                            if (Gap(j).Contains(',')) { subject = j; break; }
                    t = t with { Next = subject };
                    var v = subject;
                    while (v <= clauseEnd && v - subject < MaxActorTokens && !IsVerbAfterSubject(W(v), W(v - 1))) v++;
                    // "that a voluntary fund administered … be established": a lower-case singular word before the
                    // first candidate makes it a noun; a later "be" or modal is then the verb.
                    if (v <= clauseEnd && v > subject && LooksLikeModifier(W(v - 1)))
                        for (var j = v + 1; j <= clauseEnd && j - subject < MaxActorTokens; j++)
                            if ((W(j).Equals("be", StringComparison.OrdinalIgnoreCase) && !W(j - 1).Equals("to", StringComparison.OrdinalIgnoreCase)) || Modals.ContainsKey(W(j))) { v = j; break; }
                    if (v > clauseEnd || v == t.Next) continue; // no verb: "that" was not a subjunctive
                    actor = new TextSpan(tokens[t.Next].Start, tokens[v - 1].End);
                    cursor = v;
                    subjunctiveVerb = v;
                    break;
                }
                case ClauseForm.Directive:
                {
                    // "Requests the Secretary-General to submit …": the addressee stands between the verb and "to".
                    var to = -1;
                    for (var j = t.Next; j <= clauseEnd && j - t.Next <= MaxActorTokens; j++)
                        if (W(j).Equals("to", StringComparison.OrdinalIgnoreCase) && j + 1 <= clauseEnd && !Determiners.Contains(W(j + 1))) { to = j; break; }
                    if (to > t.Next) { actor = new TextSpan(tokens[t.Next].Start, tokens[to - 1].End); cursor = to + 1; }
                    else if (to == t.Next) cursor = to + 1; // "Decides to establish": the speaker acts
                    else if (t.Token == first && !W(t.Token).EndsWith('s'))
                    {
                        // "Request a waiver from …" opening a sentence or list item: a bare imperative of a directive verb.
                        t = t with { Form = ClauseForm.Imperative, Next = t.Token };
                        cursor = t.Token;
                    }
                    else noAction = true; // "Supports the initiative": no action verb, the rest is the object
                    break;
                }
            }
            // An inserted phrase between commas ("shall, within six months of adoption, issue"): skip it.
            if (cursor <= clauseEnd && cursor > first && Gap(cursor).Contains(','))
                for (var j = cursor + 1; j <= clauseEnd && j - cursor < MaxActorTokens; j++)
                    if (Gap(j).Contains(',')) { cursor = j; break; }
            // Negation and fillers between the operative words and the action verb.
            while (cursor <= clauseEnd && (Fillers.Contains(W(cursor)) || IsChainVerb(W(cursor), W(cursor + 1)) || Negators.Contains(W(cursor)) || IsAdverb(W(cursor))
                                           || W(cursor).Equals("be", StringComparison.OrdinalIgnoreCase)))
            {
                if (Negators.Contains(W(cursor))) negated = true;
                if (W(cursor).Equals("be", StringComparison.OrdinalIgnoreCase) && cursor + 1 <= clauseEnd && IsParticiple(W(cursor + 1))) { passive = true; cursor++; break; }
                cursor++;
            }
            if (W(t.Token).Equals("cannot", StringComparison.OrdinalIgnoreCase)) negated = true;
            // "refrain from …", "avoid …": the action is asked not to happen.
            if (t.Form != ClauseForm.Declarative && cursor <= clauseEnd && W(cursor).ToLowerInvariant() is "refrain" or "avoid" or "avoids") negated = true;
            // "should be mandated to study", "are required to report": the subject is who acts.
            if (passive && PassiveDirectives.TryGetValue(W(cursor), out var told) && W(cursor + 1).Equals("to", StringComparison.OrdinalIgnoreCase))
            {
                strength = (Strength)Math.Max((int)strength, (int)told);
                passive = false;
                cursor += 2;
            }
            var action = t.Form == ClauseForm.Declarative
                ? new TextSpan(tokens[t.Token].Start, tokens[t.Token].End)
                : cursor <= clauseEnd ? new TextSpan(tokens[cursor].Start, tokens[cursor + (IsParticle(W(cursor + 1)) && cursor + 1 <= clauseEnd ? 1 : 0)].End) : TextSpan.None;
            if (cursor + 1 <= clauseEnd && IsParticle(W(cursor + 1)) && t.Form != ClauseForm.Declarative) cursor++;
            // "identify and publish best practice": coordinated verbs share the clause, so the action covers both.
            if (!action.IsEmpty && t.Form != ClauseForm.Declarative && cursor + 2 <= clauseEnd && Coordinators.Contains(W(cursor + 1)) && BaseVerbs.Contains(W(cursor + 2)))
            {
                cursor += 2;
                action = new TextSpan(action.Start, tokens[cursor].End);
            }
            var inherited = false;
            if (t.Form == ClauseForm.Imperative && lead is not null) { actor = lead.Actor; strength = lead.Strength; inherited = true; }
            if (noAction) action = TextSpan.None;
            var objectStart = t.Form == ClauseForm.Declarative || noAction ? t.Next : cursor + 1;

            var means = TextSpan.None;
            var objectEnd = clauseEnd;
            for (var j = objectStart; j <= clauseEnd; j++)
            {
                var m = MeansLength(j, W);
                if (m == 0) continue;
                var meansEnd = clauseEnd;
                for (var e = j + m; e <= clauseEnd; e++)
                    if (e > j + m && Gap(e).Contains(',') && Coordinators.Contains(W(e)) is false && Gap(e).Contains('(') is false) { meansEnd = e - 1; break; }
                means = new TextSpan(tokens[j].Start, tokens[Math.Min(meansEnd, last)].End);
                objectEnd = j - 1;
                break;
            }
            // In a passive the subject undergoes the action: it joins the object, and only an agent ("by the
            // Commission") acts. "An ombudsperson should be established": the object is what is established.
            var patient = passive ? actor : TextSpan.None;
            if (passive) actor = TextSpan.None;
            if (passive)
                for (var j = objectStart - 1; j <= objectEnd; j++)
                    if (j >= first && W(j).Equals("by", StringComparison.OrdinalIgnoreCase) && j + 1 <= objectEnd && !W(j + 1).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
                        && !IsTimeWord(W(j + 1), W(j + 2)))
                    {
                        actor = new TextSpan(tokens[j + 1].Start, tokens[objectEnd].End);
                        break;
                    }
            var obj = objectStart <= objectEnd && objectStart <= last ? new TextSpan(tokens[objectStart].Start, tokens[objectEnd].End) : TextSpan.None;
            if (!patient.IsEmpty) obj = new TextSpan(patient.Start, obj.IsEmpty ? patient.End : obj.End);
            // A subjunctive is made operative by its bare verb ("that UNCTAD be mandated"), not by "that".
            var operative = t.Form == ClauseForm.Subjunctive
                ? new TextSpan(tokens[subjunctiveVerb].Start, tokens[subjunctiveVerb].End)
                : new TextSpan(tokens[t.Token].Start, tokens[Math.Min(Math.Max(t.Token, t.Next - 1), last)].End);
            // A clause spans its own roles; an actor inherited from the sentence leading a list lies outside it.
            var start = new[] { inherited ? TextSpan.None : actor, operative, action, obj, means }.Where(r => !r.IsEmpty).Min(r => r.Start);
            var end = Math.Max(operative.End, Math.Max(action.End, Math.Max(obj.End, means.End)));
            clauses.Add(new Clause(s.Index, start, end, t.Form, strength, negated, passive, actor, operative, action, obj, means) { ActorInherited = inherited });
            if (!actor.IsEmpty) previousActor = actor;
        }
    }

    private static bool IsListMarker(string text, Token t)
    {
        var word = text.AsSpan(t.Start, t.End - t.Start);
        var after = t.End < text.Length ? text[t.End] : ' ';
        if (after is not ('.' or ')')) return false;
        if (word.Length <= 3 && int.TryParse(word, out _)) return true;
        return word.Length == 1 && char.IsLetter(word[0]) || word.Length <= 4 && word.ToString().All(c => c is 'i' or 'v' or 'x');
    }

    private static bool LooksLikeModifier(string word) =>
        word.Length > 0 && char.IsLower(word[0]) && !word.EndsWith('s') && !IsAdverb(word) && !Determiners.Contains(word);

    private static bool StartsListItem(string text, int start)
    {
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = text.IndexOf('\n', start);
        return Segmenter.IsListItem(text[lineStart..(lineEnd < 0 ? text.Length : lineEnd)]);
    }

    /// <summary>"by 2025", "by 1 July", "by the end of …": a due date, not an agent.</summary>
    private static bool IsTimeWord(string word, string next) =>
        word.Length > 0 && char.IsDigit(word[0])
        || word.ToLowerInvariant() is "january" or "february" or "march" or "april" or "may" or "june" or "july" or "august"
            or "september" or "october" or "november" or "december" or "mid" or "early" or "late"
        || word.Equals("the", StringComparison.OrdinalIgnoreCase) && next.ToLowerInvariant() is "end" or "start" or "beginning" or "middle" or "time";

    private static bool IsParticle(string word) => word.ToLowerInvariant() is "up" or "out" or "aside" or "off" or "forward" or "down" or "together";

    private static bool IsAdverb(string word) =>
        word.Length > 4 && word.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && !BaseVerbs.Contains(word)
        && word.ToLowerInvariant() is not ("apply" or "supply" or "rely" or "comply" or "reply" or "multiply" or "fly");

    /// <summary>"will" as a noun ("political will"), "may" as a month ("in May"), "can" as a noun: not modals.</summary>
    private static bool IsModalUse(string lower, string before, string after)
    {
        if (after.Length == 0) return false;
        if (lower is "will" or "may" or "can" && Determiners.Contains(before)) return false;
        if (lower == "may" && after.Length > 0 && char.IsDigit(after[0])) return false;
        return true;
    }

    private static bool IsDirectiveUse(string lower, string after, bool sentenceOrClauseStart)
    {
        if (lower is "calls" or "call" or "appeals") return after.ToLowerInvariant() is "upon" or "on" or "for" or "to";
        if (lower is "agrees" or "resolves") return after.Equals("to", StringComparison.OrdinalIgnoreCase) || after.Equals("that", StringComparison.OrdinalIgnoreCase);
        return sentenceOrClauseStart;
    }

    /// <summary>"We task …", "We call on …", "I recommend …": the speaker addresses others.</summary>
    private static bool IsSpeaker(string before) => before.ToLowerInvariant() is "we" or "i" or "hereby";

    private static bool IsSubjectBefore(string before) =>
        before.Length > 0 && !Determiners.Contains(before) && !before.Equals("to", StringComparison.OrdinalIgnoreCase);

    /// <summary>"recommend that", "propose that", "suggests that", "requests that", "urge that", "ask that".</summary>
    private static bool IsThatOfRecommendation(string before) => before.ToLowerInvariant() is
        "recommend" or "recommends" or "recommended" or "propose" or "proposes" or "proposed" or "suggest" or "suggests"
        or "suggested" or "request" or "requests" or "requested" or "urge" or "urges" or "ask" or "asks" or "recommending"
        or "proposing" or "decides" or "decide" or "agree" or "agrees" or "resolves" or "demands" or "insist" or "insists";

    private static bool IsVerbAfterSubject(string word, string before) =>
        word.Length > 0 && (Modals.ContainsKey(word) || BaseVerbs.Contains(word) && !Determiners.Contains(before) && char.IsLower(word[0]));

    private static bool IsParticiple(string word) =>
        word.Length > 3 && (word.EndsWith("ed", StringComparison.OrdinalIgnoreCase)
                            || IrregularParticiples.Contains(word)) || PassiveDirectives.ContainsKey(word);

    /// <summary>Tokens of a means marker at j: "through", "via", "by means of", "by" + -ing, "using", "by way of".</summary>
    private static int MeansLength(int j, Func<int, string> w)
    {
        var lower = w(j).ToLowerInvariant();
        switch (lower)
        {
            case "through" or "via" or "using" or "utilising" or "utilizing": return 1;
            case "by":
                var next = w(j + 1).ToLowerInvariant();
                if (next == "means" && w(j + 2).Equals("of", StringComparison.OrdinalIgnoreCase)) return 3;
                if (next == "way" && w(j + 2).Equals("of", StringComparison.OrdinalIgnoreCase)) return 3;
                return next.Length > 4 && next.EndsWith("ing", StringComparison.Ordinal) ? 1 : 0;
            default: return 0;
        }
    }

    /// <summary>
    /// The subject of a modal: the words before it, back to the previous clause, a subordinator or a hard break;
    /// a leading adverbial ("In this regard, …") is dropped; "… and shall submit" shares the previous actor.
    /// </summary>
    private static TextSpan ActorBefore(int modal, int floor, int first, Func<int, string> w, Func<int, string> gap,
        Func<int, bool> hardBreak, Token[] tokens, TextSpan previous)
    {
        if (modal - 1 >= first && Coordinators.Contains(w(modal - 1))) return previous;
        var start = modal;
        while (start - 1 >= floor && modal - start < MaxActorTokens && !hardBreak(start) && !Subordinators.Contains(w(start - 1)))
        {
            if (Coordinators.Contains(w(start - 1)) && gap(start - 1).Contains(',') && start - 1 > floor && IsClauseBefore(start - 1, Math.Max(first, floor - 1), w)) break;
            start--;
        }
        // "States that carry out surveillance should …": a relative clause on a capitalised noun is part of the subject.
        if (start - 1 > floor && w(start - 1).ToLowerInvariant() is "that" or "who" or "which" && IsNounBefore(start - 2, first, w))
        {
            var outer = start - 2;
            while (outer - 1 >= floor && start - outer < MaxActorTokens && !hardBreak(outer) && !Subordinators.Contains(w(outer - 1))) outer--;
            start = outer;
        }
        else if (start > floor && Subordinators.Contains(w(start - 1)))
        {
            // "Rather than create new forums, governments should …": the subordinate part ends at its comma.
            for (var j = modal - 1; j > start; j--)
                if (gap(j).Contains(',')) { start = j; break; }
        }
        if (start == modal) return Subordinators.Contains(w(modal - 1)) || modal == first ? TextSpan.None : previous;
        // Drop an introduction: the part before the last comma when the span opens with an adverbial word.
        if (IntroWords.Contains(w(start)))
        {
            var cut = -1;
            for (var j = start + 1; j < modal; j++)
                if (gap(j).Contains(',')) cut = j;
            if (cut < 0) return TextSpan.None;
            start = cut;
        }
        if (start >= modal) return TextSpan.None;
        var actorWord = w(start).ToLowerInvariant();
        if (start == modal - 1 && actorWord is "it" or "this" or "there" or "which" or "that") return TextSpan.None;
        return new TextSpan(tokens[start].Start, tokens[modal - 1].End);
    }

    private static bool IsNounBefore(int j, int first, Func<int, string> w)
    {
        var word = w(j);
        if (word.Length == 0 || !char.IsUpper(word[0])) return false;
        return j > first || !(DeclarativeVerbs.Contains(word) || DirectiveVerbs.ContainsKey(word) || BaseVerbs.Contains(word));
    }

    /// <summary>A coordinator after a comma opens a new clause when a verb-like word stands before it in the look-back.</summary>
    private static bool IsClauseBefore(int coordinator, int floor, Func<int, string> w)
    {
        for (var j = coordinator - 1; j >= floor && coordinator - j < MaxActorTokens; j--)
            if (Modals.ContainsKey(w(j)) || w(j).ToLowerInvariant() is "is" or "are" or "was" or "were" or "has" or "have") return true;
        return false;
    }
}
