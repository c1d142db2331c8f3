using System.Net.Sockets;
using CaseManagement.Infrastructure.Persistence.Faults;
using CaseManagement.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CaseManagement.Web.Tests.Faults;

public sealed class DatabaseOutageBoundaryTests : BunitContext
{
    [Fact]
    public void A_page_that_cannot_reach_the_database_shows_the_notice_and_loads_when_tried_again()
    {
        Failing.Next = new RetryLimitExceededException("retries exhausted", new NpgsqlException("refused", new SocketException()));

        var boundary = Render<DatabaseOutageBoundary>(p => p.AddChildContent<Failing>());

        Assert.Contains(DatabaseFaults.PageUnavailableMessage, boundary.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        boundary.Find("button").Click();
        Assert.Equal("geladen", boundary.Find("p.loaded").TextContent);
    }

    [Fact]
    public void Going_to_another_page_tries_again()
    {
        Failing.Next = new NpgsqlException("refused", new SocketException());
        var boundary = Render<DatabaseOutageBoundary>(p => p.AddChildContent<Failing>());
        Assert.NotEmpty(boundary.FindAll("[role=alert]"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/klienten");

        boundary.WaitForAssertion(() => Assert.Equal("geladen", boundary.Find("p.loaded").TextContent));
    }

    [Fact]
    public void Any_other_failure_still_ends_the_page()
    {
        Failing.Next = new InvalidOperationException("a bug");

        var thrown = Assert.ThrowsAny<Exception>(() => Render<DatabaseOutageBoundary>(p => p.AddChildContent<Failing>()));

        Assert.Contains("a bug", thrown.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A page whose first load throws the given exception; later loads succeed.</summary>
    private sealed class Failing : ComponentBase
    {
        public static Exception? Next { get; set; }

        protected override void OnInitialized()
        {
            if (Next is { } exception)
            {
                Next = null;
                throw exception;
            }
        }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "class", "loaded");
            builder.AddContent(2, "geladen");
            builder.CloseElement();
        }
    }
}
