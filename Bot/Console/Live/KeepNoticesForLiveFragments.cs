using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatBot.Bot.OfficerConsole.Live;

/// <summary>
/// A live region refreshes itself with a GET of a named handler (<c>?handler=history</c>) on the same
/// page, and such a request loads the page's <c>[TempData]</c> notice like any other. Arriving between
/// an officer's POST and the redirect after it, it would take the "saved" notice meant for the page
/// the officer is about to see. Fragment requests leave the notice for the page.
/// </summary>
public sealed class KeepNoticesForLiveFragments : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method)
            && context.HandlerMethod?.Name is { Length: > 0 }
            && context.HandlerInstance is PageModel page)
        {
            page.TempData.Keep();
        }
    }
}
