using ChatBot.Domain.Officers;
using ChatBot.Domain.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Bot.Tests.Support;

/// <summary>An officer's step on a request, taken through the service the console pages use.</summary>
public static class Desk
{
    public static async Task<RequestActionStatus> ActAsync<TRequest, TStatus>(
        TestHost host, long id, string step, Officer officer, StepInput input)
        where TRequest : class, IServiceRequest<TStatus>
        where TStatus : struct, Enum
    {
        var type = host.Services.GetRequiredService<RequestType<TRequest, TStatus>>();
        var result = await host.Services.GetRequiredService<RequestDesk>().ActAsync(type, id, step, officer, input, expectedRevision: null, CancellationToken.None);
        return result.Status;
    }

    public static Task<RequestActionStatus> ComplaintAsync(TestHost host, long id, string step, Officer officer, StepInput input) =>
        ActAsync<ChatBot.Domain.Complaints.Complaint, ChatBot.Domain.Complaints.ComplaintStatus>(host, id, step, officer, input);

    /// <summary>The history of a request, oldest first.</summary>
    public static async Task<List<RequestEvent>> HistoryAsync(TestHost host, string kind, string code)
    {
        await using var db = host.Store.CreateDbContext();
        return [.. db.RequestEvents.Where(e => e.Kind == kind && e.Code == code).OrderBy(e => e.Id)];
    }
}
