using ChatBot.Domain;
using ChatBot.Domain.Outreach;

namespace ChatBot.Bot.Flows.Outreach;

/// <summary>One topic an office offers for outreach sessions: a stable key (stored with the request) and its labels.</summary>
public sealed class OutreachTopic
{
    /// <summary>Stored with the request (at most 32 characters, e.g. <c>narkoba</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>How the topic is offered in Indonesian.</summary>
    public string Label { get; set; } = "";

    /// <summary>How it is offered in English; the Indonesian label when empty.</summary>
    public string? LabelEn { get; set; }

    public string LabelFor(string language) => language == "en" && !string.IsNullOrWhiteSpace(LabelEn) ? LabelEn : Label;
}

/// <summary>Bound from <c>Outreach</c>: the topics villages and schools choose from (a topic of their own is always possible).</summary>
public sealed class OutreachOptions : ISettingsRules
{
    public const string Section = "Outreach";

    public static readonly IReadOnlyList<OutreachTopic> DefaultTopics =
    [
        new() { Key = "narkoba", Label = "Bahaya narkoba", LabelEn = "The dangers of drugs" },
        new() { Key = "perundungan", Label = "Perundungan (bullying)", LabelEn = "Bullying" },
        new() { Key = "kenakalan-remaja", Label = "Kenakalan remaja dan tawuran", LabelEn = "Juvenile delinquency and gang fights" },
        new() { Key = "kesadaran-hukum", Label = "Kesadaran hukum", LabelEn = "Legal awareness" },
        new() { Key = "pemasyarakatan", Label = "Mengenal Pemasyarakatan dan Bapas", LabelEn = "About the correctional system and Bapas" },
    ];

    /// <summary>The office's topics; the defaults when none are configured.</summary>
    public List<OutreachTopic>? Topics { get; set; }

    public IReadOnlyList<OutreachTopic> EffectiveTopics => Topics is { Count: > 0 } topics ? topics : DefaultTopics;

    public OutreachTopic? Topic(string key) => EffectiveTopics.FirstOrDefault(t => t.Key == key);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (topic, index) in EffectiveTopics.Select((t, i) => (t, i)))
        {
            var name = $"{Section}:{nameof(Topics)}:{index}";
            if (string.IsNullOrWhiteSpace(topic.Key) || topic.Key.Length > 32 || topic.Key == OutreachRules.OtherTopic)
            {
                problems.Add($"{name}:{nameof(OutreachTopic.Key)} must be 1 to 32 characters and not '{OutreachRules.OtherTopic}' (a topic of one's own is always offered).");
            }
            else if (!keys.Add(topic.Key))
            {
                problems.Add($"{name}:{nameof(OutreachTopic.Key)} '{topic.Key}' is used twice.");
            }

            if (string.IsNullOrWhiteSpace(topic.Label))
            {
                problems.Add($"{name}:{nameof(OutreachTopic.Label)} is required.");
            }
        }

        if (EffectiveTopics.Count > 8)
        {
            problems.Add($"{Section}:{nameof(Topics)} may list at most 8 topics (a chat menu longer than that is hard to read).");
        }

        return problems;
    }
}
