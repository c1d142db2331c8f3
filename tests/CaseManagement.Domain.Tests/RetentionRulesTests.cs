using CaseManagement.Domain.Retention;

namespace CaseManagement.Domain.Tests;

public class RetentionRulesTests
{
    [Theory]
    [InlineData("2020-06-30", 5, "2025-06-29", false)]
    [InlineData("2020-06-30", 5, "2025-06-30", true)]
    [InlineData("2020-06-30", 5, "2025-07-01", true)]
    // 29 February: five full years have passed only on 1 March.
    [InlineData("2020-02-29", 5, "2025-02-28", false)]
    [InlineData("2020-02-29", 5, "2025-03-01", true)]
    public void A_case_is_due_on_the_day_the_full_period_has_passed_after_its_last_episode(string ended, int years, string today, bool due)
    {
        var lastEnded = DateOnly.Parse(ended, System.Globalization.CultureInfo.InvariantCulture);
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(due, RetentionRules.IsDue(lastEnded, years, day));
        Assert.Equal(due, RetentionRules.DueOn(lastEnded, years) <= day);
    }

    [Fact]
    public void An_anonymised_record_carries_a_number_that_is_no_case_number()
    {
        var number = RetentionRules.AnonymousCaseNumber(Guid.NewGuid());

        Assert.Equal(20, number.Length);
        Assert.StartsWith("ANON-", number, StringComparison.Ordinal);
        Assert.False(Clients.CaseNumber.TryParse(number, out _, out _));
    }
}
