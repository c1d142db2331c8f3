namespace CaseManagement.Domain.Clients;

public static class AgeGroups
{
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate > day.AddYears(-age) ? age - 1 : age;
    }

    public static AgeGroup Of(DateOnly birthDate, DateOnly today) => AgeOn(birthDate, today) switch
    {
        < 18 => AgeGroup.Adolescent,
        < 25 => AgeGroup.YoungAdult,
        _ => AgeGroup.Adult,
    };

    /// <summary>Birth dates (inclusive) of people who are in <paramref name="group"/> on <paramref name="today"/>, for queries.</summary>
    public static (DateOnly EarliestBirthDate, DateOnly LatestBirthDate) BirthDateRange(AgeGroup group, DateOnly today) => group switch
    {
        AgeGroup.Adolescent => (today.AddYears(-18).AddDays(1), today),
        AgeGroup.YoungAdult => (today.AddYears(-25).AddDays(1), today.AddYears(-18)),
        AgeGroup.Adult => (DateOnly.MinValue, today.AddYears(-25)),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
    };

    /// <summary>Under 25: the youth employment agency (Jugendberufsagentur) should be offered.</summary>
    public static bool ShouldOfferYouthEmploymentAgency(DateOnly birthDate, DateOnly today) =>
        Of(birthDate, today) != AgeGroup.Adult;
}
