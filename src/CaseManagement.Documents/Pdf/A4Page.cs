namespace CaseManagement.Documents.Pdf;

/// <summary>
/// The page every printed document shares: A4 portrait in points (1 pt = 1/72 in), 20 mm side
/// margins, a header band (both organisations, title, one line of particulars, a rule) and a footer
/// band (a rule, then left, centre and page text). Layouts place their body between
/// <see cref="BodyTop"/> and <see cref="BodyBottom"/>.
/// </summary>
internal static class A4Page
{
    public const double PageWidth = 595.28;
    public const double PageHeight = 841.89;
    public const double MarginLeft = 56.7;   // 20 mm
    public const double MarginRight = 56.7;  // 20 mm
    public const double ContentWidth = PageWidth - MarginLeft - MarginRight;
    public const double ContentRight = MarginLeft + ContentWidth;

    public const double HeaderOrganisationsTop = 28;
    public const double HeaderTitleTop = 44;

    /// <summary>The header's line of particulars: the client and case number, or the period.</summary>
    public const double HeaderParticularsTop = 66;
    public const double HeaderRuleY = 82;
    public const double BodyTop = 98;
    public const double FooterRuleY = PageHeight - 46;
    public const double FooterTextTop = FooterRuleY + 6;

    /// <summary>A footer text that does not fit beside the others goes here, below them.</summary>
    public const double FooterSecondLineTop = FooterTextTop + 11;
    public const double BodyBottom = FooterRuleY - 12;
}
