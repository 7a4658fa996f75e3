namespace ChatBot.Bot.Dialogs;

/// <summary>Every dialog the engine knows, by id. Built once from the registered dialogs.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            if (!_dialogs.TryAdd(dialog.Id, dialog))
            {
                throw new InvalidOperationException($"Two dialogs are registered with the id '{dialog.Id}'.");
            }
        }
    }

    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);

    public bool Contains(string id) => _dialogs.ContainsKey(id);

    public Dialog Get(string id) =>
        Find(id) ?? throw new InvalidOperationException($"No dialog is registered with the id '{id}'.");
}
