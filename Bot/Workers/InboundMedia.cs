using System.Text.Json;
using ChatBot.Bot.Dialogs;
using ChatBot.Channels.Email;
using ChatBot.Channels.Media;
using ChatBot.Channels.WhatsApp;
using ChatBot.Domain.Conversations;

namespace ChatBot.Bot.Workers;

/// <summary>
/// Files a person sent, made ready for the turn. WhatsApp media is only referenced by the webhook
/// (Twilio must be answered at once); it is downloaded here, its real type checked from the bytes and
/// its size limited, before the flow sees it. E-mail files were checked the same way by the mailbox
/// listener, which noted the ones it refused. Refused files get a clear notice instead.
/// </summary>
public sealed class InboundMedia(TwilioMediaFetcher? whatsApp, EmailOptions email)
{
    /// <summary>The attachments of <paramref name="message"/>, and a notice for the files refused.</summary>
    public async Task<(IReadOnlyList<StoredAttachment> Attachments, string? StoredJson, string? Notice)> PrepareAsync(
        InboundMessage message,
        string language,
        CancellationToken cancellationToken)
    {
        var texts = DialogTexts.For(language);
        if (message.Channel == ChannelKind.Email)
        {
            var refusedInMail = EmailInboundPayload.FromJson(message.Payload)?.Refused ?? [];
            return (StoredAttachment.ListFromJson(message.Attachments), null, Notice(refusedInMail, email.MaxAttachmentBytes, texts));
        }

        if (!string.IsNullOrEmpty(message.Attachments))
        {
            return (StoredAttachment.ListFromJson(message.Attachments), null, null);
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

        return (stored, stored.Count == 0 ? null : JsonSerializer.Serialize(stored), Notice(refusals, whatsApp.MaxBytes, texts));
    }

    /// <summary>One sentence per kind of refusal (too large, wrong type, not delivered), or null when nothing was refused.</summary>
    private static string? Notice(IReadOnlyCollection<string> refusals, long maxBytes, DialogTexts texts)
    {
        var sentences = new List<string>();
        if (refusals.Contains(MediaRefusal.Size))
        {
            sentences.Add(texts.FileRefusedSize(maxBytes));
        }

        if (refusals.Contains(MediaRefusal.Type))
        {
            sentences.Add(texts.FileRefusedType);
        }

        if (refusals.Any(r => r is not (MediaRefusal.Size or MediaRefusal.Type)))
        {
            sentences.Add(texts.FileUnavailable);
        }

        return sentences.Count == 0 ? null : string.Join("\n", sentences);
    }
}
