using System.Text.Json;
using ChatBot.Bot.Dialogs;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Workers;

/// <summary>
/// Files a person sent, made ready for the turn. WhatsApp media is only referenced by the webhook
/// (Twilio must be answered at once); it is downloaded here, its real type checked from the bytes and
/// its size limited, before the flow sees it. Refused files get a clear notice instead.
/// </summary>
public sealed class InboundMedia(TwilioMediaFetcher? whatsApp)
{
    /// <summary>The attachments of <paramref name="message"/>, and a notice for each file refused.</summary>
    public async Task<(IReadOnlyList<StoredAttachment> Attachments, string? StoredJson, string? Notice)> PrepareAsync(
        InboundMessage message,
        string language,
        CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(message.Attachments))
        {
            return (JsonSerializer.Deserialize<List<StoredAttachment>>(message.Attachments) ?? [], null, null);
        }

        if (message.Channel != ChannelKind.WhatsApp || whatsApp is null)
        {
            return ([], null, null);
        }

        var media = WhatsAppInbound.ReadMedia(message.Payload);
        if (media.Count == 0)
        {
            return ([], null, null);
        }

        var stored = new List<StoredAttachment>();
        var refusals = new List<string>();
        foreach (var item in media)
        {
            switch (await whatsApp.FetchAsync(item.Url, item.ContentType, cancellationToken))
            {
                case MediaResult.Stored file:
                    stored.Add(file.Attachment);
                    break;
                case MediaResult.Refused refused:
                    refusals.Add(refused.Reason);
                    break;
            }
        }

        var texts = DialogTexts.For(language);
        var notice = refusals.Count == 0
            ? null
            : refusals.Contains(MediaRefusal.Size) ? texts.FileRefusedSize(whatsApp.MaxBytes)
            : refusals.Contains(MediaRefusal.Type) ? texts.FileRefusedType
            : texts.FileUnavailable;
        return (stored, stored.Count == 0 ? null : JsonSerializer.Serialize(stored), notice);
    }
}
