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
/// listener, which noted the ones it refused, and simulator files by its upload. Refused files get a clear notice instead.
/// </summary>
/// <param name="whatsAppLimit">The largest file a phone may send (WhatsApp and the simulator, which stands in for it).</param>
public sealed class InboundMedia(TwilioMediaFetcher? whatsApp, EmailOptions email, long whatsAppLimit)
{
    /// <summary>
    /// Fetches the files a WhatsApp message points to (the media stage, before the turn): the ones kept,
    /// as stored-attachments JSON, and the reasons of the ones refused, as JSON. A file that does not
    /// arrive within <paramref name="fileTimeout"/> is refused as not delivered.
    /// </summary>
    public async Task<(string? StoredJson, string? RefusedJson)> FetchAsync(InboundMessage message, TimeSpan fileTimeout, CancellationToken cancellationToken)
    {
        var media = WhatsAppInbound.ReadMedia(message.Payload);
        var stored = new List<StoredAttachment>();
        var refusals = new List<string>();
        foreach (var item in media)
        {
            if (whatsApp is null)
            {
                refusals.Add(MediaRefusal.Unavailable);
                continue;
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(fileTimeout);
            try
            {
                switch (await whatsApp.FetchAsync(item.Url, item.ContentType, limit.Token))
                {
                    case MediaResult.Stored file:
                        stored.Add(file.Attachment);
                        break;
                    case MediaResult.Refused refused:
                        refusals.Add(refused.Reason);
                        break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                refusals.Add(MediaRefusal.Unavailable);
            }
        }

        return (stored.Count == 0 ? null : JsonSerializer.Serialize(stored), refusals.Count == 0 ? null : JsonSerializer.Serialize(refusals));
    }

    /// <summary>
    /// The attachments of <paramref name="message"/> as its turn sees them, and a notice for the files
    /// refused. Nothing is downloaded here: WhatsApp media was fetched by the media stage.
    /// </summary>
    public (IReadOnlyList<StoredAttachment> Attachments, string? Notice) Prepare(InboundMessage message, string language)
    {
        var texts = DialogTexts.For(language);
        if (message.Channel == ChannelKind.Email)
        {
            var refusedInMail = EmailInboundPayload.FromJson(message.Payload)?.Refused ?? [];
            return (StoredAttachment.ListFromJson(message.Attachments), Notice(refusedInMail, email.MaxAttachmentBytes, texts));
        }

        var refused = string.IsNullOrEmpty(message.MediaRefused) ? [] : JsonSerializer.Deserialize<List<string>>(message.MediaRefused) ?? [];
        return (StoredAttachment.ListFromJson(message.Attachments), Notice(refused, whatsAppLimit, texts));
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
