namespace ChatBot.Domain.Conversations;

/// <summary>The transport a conversation runs on. Stored as text, so never renumber.</summary>
public enum ChannelKind
{
    Simulator,
    WhatsApp,
    Email,
}
