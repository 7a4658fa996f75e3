namespace ChatBot.Bot.Dialogs.Recognizers;

/// <summary>
/// The words people answer "what is your relationship to the inmate?" with, in either language, by
/// relationship: flows give them as synonyms of their choices ("ibu", "adik", "paman", "kuasa hukum").
/// </summary>
public static class RelationshipWords
{
    public static readonly string[] Parent = ["ibu", "bapak", "ayah", "mama", "mamah", "mamak", "emak", "papa", "papi", "mami", "abah", "ortu", "orangtua", "mother", "father", "mom", "dad"];

    public static readonly string[] Spouse = ["istri", "isteri", "suami", "wife", "husband"];

    public static readonly string[] Child = ["anak", "putra", "putri", "son", "daughter"];

    public static readonly string[] Sibling = ["kakak", "adik", "abang", "kakak kandung", "adik kandung", "brother", "sister"];

    public static readonly string[] OtherRelative = ["paman", "om", "bibi", "tante", "nenek", "kakek", "sepupu", "keponakan", "ponakan", "ipar", "mertua", "cucu", "uncle", "aunt", "cousin", "grandmother", "grandfather"];

    public static readonly string[] Lawyer = ["pengacara", "advokat", "kuasa hukum", "penasihat hukum", "lawyer", "attorney"];

    /// <summary>Every relative, for a question that only asks family or lawyer.</summary>
    public static readonly string[] Family = ["keluarga", "family", .. Parent, .. Spouse, .. Child, .. Sibling, .. OtherRelative];
}
