using ChatBot.Bot.Dialogs;
using ChatBot.Bot.Dialogs.Prompts;
using ChatBot.Bot.Dialogs.Recognizers;
using ChatBot.Domain.Complaints;
using ChatBot.Domain.Conversations;
using ChatBot.Domain.Requests;

namespace ChatBot.Bot.Flows.Complaint;

/// <summary>The file an optional-file prompt accepted; <see cref="File"/> is null when the person skipped.</summary>
public sealed record OptionalFile(StoredAttachment? File);

/// <summary>A photo or document (type checked from its bytes by the channel), or <c>lewati</c>/<c>skip</c>.</summary>
public sealed class OptionalFilePrompt() : Prompt<OptionalFile>(DefaultId, null)
{
    public const string DefaultId = "complaint.prompt.file";

    protected override Recognized<OptionalFile> Recognize(DialogContext dc, PromptOptions options)
    {
        if (dc.Input.Attachments.Count == 0)
        {
            return ComplaintTexts.IsSkip(dc.Text) ? Recognized<OptionalFile>.Success(new OptionalFile(null)) : Recognized<OptionalFile>.Fail("missing");
        }

        var file = dc.Input.Attachments[0];
        if (options.ContentTypes is { Count: > 0 } types && !types.Contains(file.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            return Recognized<OptionalFile>.Fail("type");
        }

        return file.Size > options.MaxBytes ? Recognized<OptionalFile>.Fail("size") : Recognized<OptionalFile>.Success(new OptionalFile(file));
    }

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<OptionalFile> recognized)
    {
        var texts = DialogTexts.For(dc.Language);
        var orSkip = ComplaintTexts.For(dc.Language).FileOrSkip;
        return recognized.Problem switch
        {
            "type" => $"{texts.AttachmentType}\n{orSkip}",
            "size" => $"{texts.AttachmentSize(options.MaxBytes)}\n{orSkip}",
            _ => orSkip,
        };
    }
}

/// <summary>A complaint ticket code anywhere in the message ("ADU-7K3P9Q", "adu 7k3p9q"), returned upper case.</summary>
public sealed class ComplaintCodePrompt() : Prompt<string>(DefaultId, null)
{
    public const string DefaultId = "complaint.prompt.code";

    protected override Recognized<string> Recognize(DialogContext dc, PromptOptions options) =>
        TicketCode.Find(ComplaintRequests.Prefix, dc.Text, bare: true) is { } code ? Recognized<string>.Success(code) : Recognized<string>.Fail("format");

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<string> recognized) =>
        ComplaintTexts.For(dc.Language).CodeFormat;
}
