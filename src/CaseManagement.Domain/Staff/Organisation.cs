namespace CaseManagement.Domain.Staff;

/// <summary>
/// The two organisations of the cooperation. Every staff account belongs to exactly one.
/// Glossary: Drogenhilfe = the city's drug-help service.
/// </summary>
public enum Organisation
{
    Jobcenter = 1,
    DrugHelpService = 2,
}

public static class OrganisationNames
{
    public static string German(this Organisation organisation) => organisation switch
    {
        Organisation.Jobcenter => "Jobcenter",
        Organisation.DrugHelpService => "Drogenhilfe",
        _ => throw new ArgumentOutOfRangeException(nameof(organisation), organisation, null),
    };

    /// <summary>The partner organisation of the cooperation.</summary>
    public static Organisation Other(this Organisation organisation) => organisation switch
    {
        Organisation.Jobcenter => Organisation.DrugHelpService,
        Organisation.DrugHelpService => Organisation.Jobcenter,
        _ => throw new ArgumentOutOfRangeException(nameof(organisation), organisation, null),
    };

    /// <summary>"von" with the article in the dative, for running text: "vom Jobcenter", "von der Drogenhilfe".</summary>
    public static string FromWithArticle(this Organisation organisation) => organisation switch
    {
        Organisation.Jobcenter => "vom Jobcenter",
        Organisation.DrugHelpService => "von der Drogenhilfe",
        _ => throw new ArgumentOutOfRangeException(nameof(organisation), organisation, null),
    };

    /// <summary>With the German article, for running text: "das Jobcenter", "die Drogenhilfe".</summary>
    public static string WithArticle(this Organisation organisation) => organisation switch
    {
        Organisation.Jobcenter => "das Jobcenter",
        Organisation.DrugHelpService => "die Drogenhilfe",
        _ => throw new ArgumentOutOfRangeException(nameof(organisation), organisation, null),
    };
}
