using ChatBot.Bot.Flows.Faq;
using ChatBot.Bot.OfficerConsole.Auth;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Offices;
using ChatBot.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bot.OfficerConsole.Conversations;

/// <summary>
/// <c>/console/faq</c> (admins): the office's frequent questions the bot answers from anywhere in a
/// conversation — the words that recognise each one and its answer, with a preview of the answer
/// as the person reads it (the office's address, phone and hours put in).
/// </summary>
[Authorize(Policy = ConsoleClaims.AdminPolicy)]
[ConsoleNav("Tanya jawab", Order = 86)]
public sealed class FaqModel(ChatBotDbFactory factory, OfficeScope scope, ConsoleAuditLog audit) : PageModel
{
    public IReadOnlyList<FrequentQuestion> Questions { get; private set; } = [];

    public Office? Office { get; private set; }

    [BindProperty]
    public QuestionForm Input { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public string? Error { get; private set; }

    public string Preview(FrequentQuestion question) => Office is null ? question.Answer : FaqFlow.Render(question.Answer, Office, "id");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken)
    {
        Error = Input.Problem();
        if (Error is not null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var officeId = User.OfficeId();
        await using (var db = factory.CreateDbContext())
        {
            var question = id is { } existing
                ? await db.FrequentQuestions.SingleOrDefaultAsync(q => q.Id == existing && q.OfficeId == officeId, cancellationToken)
                : db.FrequentQuestions.Add(new FrequentQuestion { OfficeId = officeId, Question = "", Keywords = "", Answer = "" }).Entity;
            if (question is null)
            {
                return NotFound();
            }

            question.Question = Input.Question!.Trim();
            question.Keywords = Input.Keywords!.Trim();
            question.Answer = Input.Answer!.Trim();
            using (await factory.Gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await audit.WriteAsync(User, id is null ? "faq.create" : "faq.update", $"Office/{officeId}", Input.Question, cancellationToken);
        Notice = $"Pertanyaan \"{Input.Question!.Trim()}\" disimpan.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var officeId = User.OfficeId();
        var deleted = await factory.DeleteAsync(db => db.FrequentQuestions.Where(q => q.Id == id && q.OfficeId == officeId), cancellationToken) == 1;
        if (deleted)
        {
            await audit.WriteAsync(User, "faq.delete", $"Office/{User.OfficeId()}", null, cancellationToken);
        }

        Notice = deleted ? "Pertanyaan dihapus." : "Pertanyaan tidak ditemukan.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Office = scope.OwnOffice(User);
        await using var db = factory.CreateDbContext();
        var officeId = User.OfficeId();
        Questions = await db.FrequentQuestions.AsNoTracking().Where(q => q.OfficeId == officeId).OrderBy(q => q.Id).ToListAsync(cancellationToken);
    }

    public sealed class QuestionForm
    {
        public string? Question { get; set; }

        public string? Keywords { get; set; }

        public string? Answer { get; set; }

        public string? Problem() =>
            string.IsNullOrWhiteSpace(Question) || Question.Trim().Length > 100 ? "Tulis pertanyaannya (paling banyak 100 karakter)."
            : string.IsNullOrWhiteSpace(Keywords) || Keywords.Length > FrequentQuestion.MaxKeywordsLength ? $"Tulis kata kunci, dipisah koma (paling banyak {FrequentQuestion.MaxKeywordsLength} karakter)."
            : string.IsNullOrWhiteSpace(Answer) || Answer.Trim().Length > FrequentQuestion.MaxAnswerLength ? $"Tulis jawabannya (paling banyak {FrequentQuestion.MaxAnswerLength} karakter)."
            : null;
    }
}
