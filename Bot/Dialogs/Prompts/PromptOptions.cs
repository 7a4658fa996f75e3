using ChatBot.Bot.Dialogs.Recognizers;

namespace ChatBot.Bot.Dialogs.Prompts;

/// <summary>
/// What a prompt asks and accepts. Stored with the prompt while it waits, so it holds plain data
/// only; validation code lives in the prompt instance a flow registers.
/// </summary>
public sealed class PromptOptions
{
    /// <summary>The question, in the person's language.</summary>
    public string Prompt { get; set; } = "";

    /// <summary>Said instead of the prompt's own hint when an answer is not understood.</summary>
    public string? Retry { get; set; }

    public List<Choice>? Choices { get; set; }

    /// <summary>Number prompts: inclusive bounds.</summary>
    public long? Min { get; set; }

    public long? Max { get; set; }

    /// <summary>Date prompts: which dates make sense.</summary>
    public DateDirection Direction { get; set; }

    /// <summary>Text prompts: longest accepted answer.</summary>
    public int MaxLength { get; set; } = 1000;

    /// <summary>Attachment prompts: largest accepted file.</summary>
    public long MaxBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Attachment prompts: accepted MIME types (checked from the bytes by the channel).</summary>
    public List<string>? ContentTypes { get; set; }

    /// <summary>
    /// Text prompts for a description: when several answers arrive in one message, the answer to
    /// this one is everything from its line on.
    /// </summary>
    public bool WholeMessage { get; set; }

    /// <summary>Begin without saying the question (it was already said).</summary>
    public bool Silent { get; set; }

    /// <summary>The person may have none (an e-mail address): "tidak ada" answers with an empty text.</summary>
    public bool Optional { get; set; }

    /// <summary>The answer is a person's name: thanks, greetings, yes/no and single letters are refused.</summary>
    public bool PersonName { get; set; }

    /// <summary>A question is a fine answer here (a complaint, a message for officers); elsewhere it is answered with <see cref="Help"/> and asked again.</summary>
    public bool QuestionsAreAnswers { get; set; }

    /// <summary>What this question means, for a person who asks back; null for the general hint.</summary>
    public string? Help { get; set; }
}
