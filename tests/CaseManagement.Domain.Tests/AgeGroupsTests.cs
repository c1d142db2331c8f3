using CaseManagement.Domain.Clients;

namespace CaseManagement.Domain.Tests;

public class AgeGroupsTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Fact]
    public void The_age_increases_on_the_birthday_not_the_day_before()
    {
        var birthDate = new DateOnly(2008, 6, 15);
        Assert.Equal(18, AgeGroups.AgeOn(birthDate, new DateOnly(2026, 6, 15)));
        Assert.Equal(17, AgeGroups.AgeOn(birthDate, new DateOnly(2026, 6, 14)));
        Assert.Equal(18, AgeGroups.AgeOn(birthDate, new DateOnly(2027, 6, 14)));
        Assert.Equal(0, AgeGroups.AgeOn(birthDate, birthDate));
    }

    [Fact]
    public void Someone_born_on_29_February_is_a_year_older_from_1_March_in_common_years()
    {
        var birthDate = new DateOnly(2008, 2, 29);
        Assert.Equal(17, AgeGroups.AgeOn(birthDate, new DateOnly(2026, 2, 28)));
        Assert.Equal(18, AgeGroups.AgeOn(birthDate, new DateOnly(2026, 3, 1)));
        Assert.Equal(19, AgeGroups.AgeOn(birthDate, new DateOnly(2027, 3, 1)));
        Assert.Equal(20, AgeGroups.AgeOn(birthDate, new DateOnly(2028, 2, 29)));
        Assert.Equal(19, AgeGroups.AgeOn(birthDate, new DateOnly(2028, 2, 28)));
    }

    [Theory]
    [InlineData("2008-06-16", AgeGroup.Adolescent)] // 18 tomorrow
    [InlineData("2008-06-15", AgeGroup.YoungAdult)] // 18 today
    [InlineData("2001-06-16", AgeGroup.YoungAdult)] // 25 tomorrow
    [InlineData("2001-06-15", AgeGroup.Adult)] // 25 today
    [InlineData("2026-06-15", AgeGroup.Adolescent)] // born today
    [InlineData("1950-01-01", AgeGroup.Adult)]
    public void The_age_group_changes_on_the_18th_and_25th_birthday(string birthDate, AgeGroup expected)
    {
        Assert.Equal(expected, AgeGroups.Of(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Theory]
    [InlineData("2010-01-01", true)] // 16
    [InlineData("2008-06-15", true)] // 18 today
    [InlineData("2001-06-16", true)] // 24, 25 tomorrow
    [InlineData("2001-06-15", false)] // 25 today
    [InlineData("1980-03-03", false)]
    public void The_youth_employment_agency_is_offered_under_25(string birthDate, bool expected)
    {
        Assert.Equal(expected, AgeGroups.ShouldOfferYouthEmploymentAgency(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), Today));
    }

    [Fact]
    public void The_birth_date_ranges_of_the_groups_meet_without_gap_or_overlap()
    {
        var adolescents = AgeGroups.BirthDateRange(AgeGroup.Adolescent, Today);
        var youngAdults = AgeGroups.BirthDateRange(AgeGroup.YoungAdult, Today);
        var adults = AgeGroups.BirthDateRange(AgeGroup.Adult, Today);

        Assert.Equal(Today, adolescents.LatestBirthDate);
        Assert.Equal(youngAdults.LatestBirthDate.AddDays(1), adolescents.EarliestBirthDate);
        Assert.Equal(adults.LatestBirthDate.AddDays(1), youngAdults.EarliestBirthDate);
        Assert.Equal(DateOnly.MinValue, adults.EarliestBirthDate);
        Assert.Equal(new DateOnly(2008, 6, 15), youngAdults.LatestBirthDate);
        Assert.Equal(new DateOnly(2001, 6, 15), adults.LatestBirthDate);
    }

    [Fact]
    public void An_undefined_age_group_has_no_birth_date_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgeGroups.BirthDateRange((AgeGroup)0, Today));
    }

    /// <summary>
    /// Property: for any day and any birth date up to that day, the birth date lies in the range
    /// of exactly the group <see cref="AgeGroups.Of"/> names. Half of the birth dates are drawn
    /// close to the 18th and 25th birthdays, where off-by-one errors live; days include 29 February.
    /// </summary>
    [Fact]
    public void BirthDateRange_agrees_with_Of_for_thousands_of_dates()
    {
        var random = new Random(20260615);
        var firstDay = new DateOnly(1996, 1, 1).DayNumber;
        var lastDay = new DateOnly(2040, 12, 31).DayNumber;
        var days = Enumerable.Range(0, 3000)
            .Select(_ => DateOnly.FromDayNumber(random.Next(firstDay, lastDay + 1)))
            .Concat([new DateOnly(2028, 2, 29), new DateOnly(2028, 2, 28), new DateOnly(2028, 3, 1), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 1)])
            .ToList();

        var checkedPairs = 0;
        foreach (var today in days)
        {
            var ranges = Enum.GetValues<AgeGroup>().ToDictionary(g => g, g => AgeGroups.BirthDateRange(g, today));
            for (var i = 0; i < 4; i++)
            {
                var birthDate = i switch
                {
                    0 => today.AddYears(-18).AddDays(random.Next(-3, 4)),
                    1 => today.AddYears(-25).AddDays(random.Next(-3, 4)),
                    2 => new DateOnly(today.Year - random.Next(17, 27), 3, 1).AddDays(random.Next(-2, 1)), // 27 Feb to 1 Mar
                    _ => DateOnly.FromDayNumber(today.DayNumber - random.Next(0, 36525)),
                };
                if (birthDate > today)
                {
                    continue;
                }

                var group = AgeGroups.Of(birthDate, today);
                foreach (var (candidate, range) in ranges)
                {
                    var inRange = range.EarliestBirthDate <= birthDate && birthDate <= range.LatestBirthDate;
                    Assert.True(
                        inRange == (candidate == group),
                        $"today {today:yyyy-MM-dd}, born {birthDate:yyyy-MM-dd}: Of says {group}, range of {candidate} is {range.EarliestBirthDate:yyyy-MM-dd}..{range.LatestBirthDate:yyyy-MM-dd}");
                }

                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > 10_000, checkedPairs.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AgeOn_agrees_with_counting_birthdays_for_thousands_of_dates()
    {
        var random = new Random(4711);
        for (var n = 0; n < 5000; n++)
        {
            var birthDate = DateOnly.FromDayNumber(random.Next(new DateOnly(1940, 1, 1).DayNumber, new DateOnly(2030, 1, 1).DayNumber));
            var day = birthDate.AddDays(random.Next(0, 40000));

            // Count birthdays the slow way: the anniversary in a common year of someone born on
            // 29 February is 1 March.
            var age = 0;
            while (Anniversary(birthDate, age + 1) <= day)
            {
                age++;
            }

            Assert.True(age == AgeGroups.AgeOn(birthDate, day), $"born {birthDate:yyyy-MM-dd}, on {day:yyyy-MM-dd}: expected {age}");
        }
    }

    private static DateOnly Anniversary(DateOnly birthDate, int years)
    {
        var year = birthDate.Year + years;
        return birthDate is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, birthDate.Month, birthDate.Day);
    }
}
