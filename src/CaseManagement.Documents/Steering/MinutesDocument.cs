namespace CaseManagement.Documents.Steering;

/// <summary>A measure as the minutes list it: what, who, by when, where it stands, the figure behind it.</summary>
public sealed record MinutesMeasure(string What, string Who, DateOnly? DueBy, string Status, string? Figure);

/// <summary>A table of figures the meeting froze: title, column headers and rows of printed figures.</summary>
public sealed record MinutesTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<(string Label, IReadOnlyList<string> Cells)> Rows);

/// <summary>The minutes of one steering round meeting, as printed. No personal data of clients by design.</summary>
public sealed record MinutesDocument(
    string Round,
    DateOnly HeldOn,
    string Participants,
    string Agenda,
    string Minutes,
    string Decisions,
    IReadOnlyList<MinutesMeasure> CarriedOver,
    IReadOnlyList<MinutesMeasure> Decided,
    string? FiguresPeriod,
    IReadOnlyList<MinutesTable> Figures,
    DateOnly PrintedOn,
    string JobcenterName,
    string DrugHelpServiceName);
