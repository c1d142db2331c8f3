namespace CaseManagement.Documents.AccessCopies;

/// <summary>
/// The copy of everything held about one person (Auskunft nach Art. 15 DSGVO) as it is printed for
/// that person: plain German, section by section. The application decides the wording of every
/// label and value; this model only carries it, so the renderer adds nothing and leaves nothing out.
/// </summary>
/// <param name="PersonLine">The header's particulars, e.g. "Erika Muster, geboren 12.04.1988 – Fallnummer FV-2026-00012".</param>
/// <param name="Introduction">Opening paragraphs addressed to the person.</param>
/// <param name="Sections">The sections in print order; each is numbered.</param>
/// <param name="CompiledText">Footer, e.g. "Erstellt am 06.12.2026 10:30 von Dana Datenschutz".</param>
/// <param name="FooterLabel">Footer centre, e.g. "Auskunft – Fallnummer FV-2026-00012".</param>
public sealed record AccessCopyDocument(
    string JobcenterName,
    string DrugHelpServiceName,
    string PersonLine,
    IReadOnlyList<string> Introduction,
    IReadOnlyList<CopySection> Sections,
    string CompiledText,
    string FooterLabel)
{
    public const string Title = "Auskunft über Ihre gespeicherten Daten";
}

/// <summary>One section: a heading, an explanation, then its entries; <paramref name="WhenEmpty"/> is printed when there are none.</summary>
public sealed record CopySection(string Title, string? Explanation, IReadOnlyList<CopyEntry> Entries, string WhenEmpty = "Keine gespeichert.");

/// <summary>One thing held (a consent, a plan version, an appointment): an optional heading and its facts as label and value.</summary>
public sealed record CopyEntry(string? Heading, IReadOnlyList<CopyFact> Facts);

/// <summary>A fact: a label ("Geburtsdatum") and its value, which may be long and contain line breaks.</summary>
public sealed record CopyFact(string Label, string Value);
