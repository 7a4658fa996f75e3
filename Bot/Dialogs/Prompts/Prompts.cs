using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Dialogs.Prompts;

/// <summary>Free text, 1 to <see cref="PromptOptions.MaxLength"/> characters.</summary>
public sealed class TextPrompt(string id = TextPrompt.DefaultId, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    public const string DefaultId = "prompt.text";

    protected override Recognized<string> Recognize(DialogContext dc, PromptOptions options)
    {
        var text = dc.Text;
        if (text.Length == 0)
        {
            return Recognized<string>.Fail("empty");
        }

        if (text.Length > options.MaxLength)
        {
            return Recognized<string>.Fail("length");
        }

        return options.PersonName && !Utterances.CanBeName(text) ? Recognized<string>.Fail("name") : Recognized<string>.Success(text);
    }

    protected override bool TakesAnyText => true;

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<string> recognized)
    {
        var texts = DialogTexts.For(dc.Language);
        return recognized.Problem switch
        {
            "length" => texts.TooLong(options.MaxLength),
            "name" => texts.NotAName,
            _ => texts.EmptyAnswer,
        };
    }
}

/// <summary>One of a list of choices, by number or by word.</summary>
public sealed class ChoicePrompt(string id = ChoicePrompt.DefaultId, PromptValidator<Choice>? validator = null) : Prompt<Choice>(id, validator)
{
    public const string DefaultId = "prompt.choice";

    protected override Recognized<Choice> Recognize(DialogContext dc, PromptOptions options) =>
        ChoiceRecognizer.Recognize(dc.Text, options.Choices ?? []);

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<Choice> recognized) =>
        DialogTexts.For(dc.Language).ChooseNumber(options.Choices?.Count ?? 0);
}

/// <summary>Yes or no.</summary>
public sealed class ConfirmPrompt(string id = ConfirmPrompt.DefaultId) : Prompt<bool>(id, null)
{
    public const string DefaultId = "prompt.confirm";

    protected override Reply Question(DialogContext dc, PromptOptions options) => new(options.Prompt, YesNo(dc, options));

    protected override Recognized<bool> Recognize(DialogContext dc, PromptOptions options) => YesNoRecognizer.Recognize(dc.Text);

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<bool> recognized) =>
        DialogTexts.For(dc.Language).AnswerYesNo;

    private static List<Choice> YesNo(DialogContext dc, PromptOptions options)
    {
        var texts = DialogTexts.For(dc.Language);
        return options.Choices ?? [new("yes", texts.Yes), new("no", texts.No)];
    }
}

/// <summary>A whole number within optional bounds.</summary>
public sealed class NumberPrompt(string id = NumberPrompt.DefaultId, PromptValidator<long>? validator = null) : Prompt<long>(id, validator)
{
    public const string DefaultId = "prompt.number";

    protected override Recognized<long> Recognize(DialogContext dc, PromptOptions options) =>
        NumberRecognizer.Recognize(dc.Text, options.Min, options.Max);

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<long> recognized)
    {
        var texts = DialogTexts.For(dc.Language);
        return recognized.Problem == "range" && options.Min is { } min && options.Max is { } max
            ? texts.NumberBetween(min, max)
            : texts.NumberOnly;
    }
}

/// <summary>A date in the forms people type: 25-12-2026, 25 Desember, besok.</summary>
public sealed class DatePrompt(string id = DatePrompt.DefaultId, PromptValidator<DateOnly>? validator = null) : Prompt<DateOnly>(id, validator)
{
    public const string DefaultId = "prompt.date";

    protected override Recognized<DateOnly> Recognize(DialogContext dc, PromptOptions options) =>
        DateRecognizer.Recognize(dc.Text, dc.Today, options.Direction);

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<DateOnly> recognized)
    {
        var texts = DialogTexts.For(dc.Language);
        return recognized.Problem == "range"
            ? options.Direction == DateDirection.PastOrToday ? texts.DateNotFuture : texts.DateNotPast
            : texts.DateFormat;
    }
}

/// <summary>A phone number, returned in E.164 (+62…).</summary>
public sealed class PhonePrompt(string id = PhonePrompt.DefaultId, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    public const string DefaultId = "prompt.phone";

    protected override Recognized<string> Recognize(DialogContext dc, PromptOptions options) => PhoneRecognizer.Recognize(dc.Text);

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<string> recognized) =>
        DialogTexts.For(dc.Language).PhoneFormat;
}

/// <summary>An e-mail address.</summary>
public sealed class EmailPrompt(string id = EmailPrompt.DefaultId, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    public const string DefaultId = "prompt.email";

    protected override Recognized<string> Recognize(DialogContext dc, PromptOptions options) =>
        // An address is never a no, even one that starts like one ("ga@…").
        options.Optional && !dc.Text.Contains('@', StringComparison.Ordinal) && Utterances.DeclinesToAnswer(dc.Text)
            ? Recognized<string>.Success("")
            : EmailRecognizer.Recognize(dc.Text);

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<string> recognized)
    {
        var texts = DialogTexts.For(dc.Language);
        var hint = recognized.Problem == "typo" && recognized.Value is { } suggestion ? texts.EmailTypo(suggestion) : texts.EmailFormat;
        return options.Optional ? $"{hint} {texts.NoEmailHint}" : hint;
    }
}

/// <summary>A 16-digit NIK with a plausible structure.</summary>
public sealed class NikPrompt(string id = NikPrompt.DefaultId, PromptValidator<string>? validator = null) : Prompt<string>(id, validator)
{
    public const string DefaultId = "prompt.nik";

    protected override Recognized<string> Recognize(DialogContext dc, PromptOptions options) => NikRecognizer.Recognize(dc.Text);

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<string> recognized)
    {
        var texts = DialogTexts.For(dc.Language);
        return recognized.Problem == "length" ? texts.NikLength : texts.NikInvalid;
    }
}

/// <summary>A file (photo or PDF) whose type the channel checked from its bytes.</summary>
public sealed class AttachmentPrompt(string id = AttachmentPrompt.DefaultId) : Prompt<StoredAttachmentResult>(id, null)
{
    public const string DefaultId = "prompt.attachment";

    protected override Recognized<StoredAttachmentResult> Recognize(DialogContext dc, PromptOptions options)
    {
        if (dc.Input.Attachments.Count == 0)
        {
            return Recognized<StoredAttachmentResult>.Fail("missing");
        }

        var file = dc.Input.Attachments[0];
        if (options.ContentTypes is { Count: > 0 } types && !types.Contains(file.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            return Recognized<StoredAttachmentResult>.Fail("type");
        }

        return file.Size > options.MaxBytes
            ? Recognized<StoredAttachmentResult>.Fail("size")
            : Recognized<StoredAttachmentResult>.Success(new StoredAttachmentResult(file));
    }

    protected override string Hint(DialogContext dc, PromptOptions options, Recognized<StoredAttachmentResult> recognized)
    {
        var texts = DialogTexts.For(dc.Language);
        return recognized.Problem switch
        {
            "type" => texts.AttachmentType,
            "size" => texts.AttachmentSize(options.MaxBytes),
            _ => texts.AttachmentMissing,
        };
    }
}

/// <summary>The file an attachment prompt accepted.</summary>
public sealed record StoredAttachmentResult(ChatBot.Domain.Conversations.StoredAttachment File);
